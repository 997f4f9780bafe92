namespace Ticketing.Orders;

/// <summary>
/// One order: a hold on one ticket until <c>expiresAt</c>, then paid or cancelled. The order drives its own
/// saga (ticket lock, event seat, payment) and keeps its own expiry timer and reminder. Keyed by order id.
/// </summary>
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Reserves a ticket, or a seat of an event, for the buyer.</summary>
    Task<OrderPlacementResult> PlaceAsync(PlaceOrder command);

    /// <summary>The order as its owner sees it now (expired if due), or null for anyone else.</summary>
    Task<OrderView?> GetAsync(string userId);

    /// <summary>Cancels an unpaid order at its owner's request; cancelling again changes nothing.</summary>
    Task<OrderCancelResult> CancelAsync(string userId);

    /// <summary>Moves the order to <c>awaiting:payment</c> if it may still be paid.</summary>
    Task<PaymentStart> BeginPaymentAsync(string userId);

    /// <summary>Completes the order after its charge succeeded; false if it can no longer be completed.</summary>
    Task<bool> CompletePaymentAsync();

    /// <summary>Returns the order to <c>created</c> (or expires it, if due) after a failed charge.</summary>
    Task AbortPaymentAsync();

    /// <summary>Re-drives the order's side of the saga; sent by a ticket or an event that holds a stale lock.</summary>
    [OneWay]
    Task ReconcileAsync(ReconcileOrder command);
}

[GenerateSerializer, Immutable, Alias("ticketing.place-order")]
public sealed record PlaceOrder(
    [property: Id(0)] string UserId,
    [property: Id(1)] string? TicketId,
    [property: Id(2)] string? EventId);

/// <summary>Which lock asks: the ticket, or the event that allocated a seat to the order.</summary>
[GenerateSerializer, Immutable, Alias("ticketing.reconcile-order")]
public sealed record ReconcileOrder([property: Id(0)] string? TicketId, [property: Id(1)] string? EventId);

public enum OrderStatus
{
    Created,
    AwaitingPayment,
    Complete,
    Cancelled,
}

public enum CancelReason
{
    User,
    Expired,
}

[GenerateSerializer, Immutable, Alias("ticketing.order-ticket")]
public sealed record OrderTicket(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] decimal Price);

[GenerateSerializer, Immutable, Alias("ticketing.order-view")]
public sealed record OrderView(
    [property: Id(0)] string Id,
    [property: Id(1)] string UserId,
    [property: Id(2)] OrderStatus Status,
    [property: Id(3)] DateTime ExpiresAt,
    [property: Id(4)] OrderTicket Ticket,
    [property: Id(5)] string? EventId,
    [property: Id(6)] CancelReason? CancelReason,
    [property: Id(7)] DateTime CreatedAt);
