namespace Ticketing.Orders;

public enum OrderPlacementOutcome
{
    Placed,
    TicketNotFound,
    EventNotFound,
    TicketReserved,
    EventTicket,
    OwnTicket,
    NotOnSale,
    SoldOut,
    LimitReached,

    /// <summary>The event is rebuilding its seat ledger (its silo was lost or it was reactivated); retry shortly.</summary>
    EventRecovering,

    /// <summary>The buyer already has an order with this id, for another ticket or event (an idempotency key used twice).</summary>
    IdTakenByAnotherOrder,
}

[GenerateSerializer, Immutable, Alias("ticketing.order-placement-result")]
public sealed record OrderPlacementResult(
    [property: Id(0)] OrderPlacementOutcome Outcome,
    [property: Id(1)] OrderView? Order)
{
    public static OrderPlacementResult Placed(OrderView order) => new(OrderPlacementOutcome.Placed, order);
    public static OrderPlacementResult Refused(OrderPlacementOutcome outcome) => new(outcome, null);
}

public enum OrderCancelOutcome
{
    Cancelled,
    NotFound,
    Complete,
    PaymentInProgress,
}

[GenerateSerializer, Immutable, Alias("ticketing.order-cancel-result")]
public sealed record OrderCancelResult([property: Id(0)] OrderCancelOutcome Outcome, [property: Id(1)] OrderView? Order)
{
    public static OrderCancelResult Cancelled(OrderView order) => new(OrderCancelOutcome.Cancelled, order);
    public static OrderCancelResult Refused(OrderCancelOutcome outcome) => new(outcome, null);
}

public enum PaymentStartOutcome
{
    Proceed,
    NotFound,
    Cancelled,
    AlreadyPaid,
    InProgress,
}

/// <summary>Whether a charge may start, and for how much.</summary>
[GenerateSerializer, Immutable, Alias("ticketing.payment-start")]
public sealed record PaymentStart([property: Id(0)] PaymentStartOutcome Outcome, [property: Id(1)] decimal Amount)
{
    public static PaymentStart Proceed(decimal amount) => new(PaymentStartOutcome.Proceed, amount);
    public static PaymentStart Refused(PaymentStartOutcome outcome) => new(outcome, 0m);
}
