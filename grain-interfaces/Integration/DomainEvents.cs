namespace Ticketing.Integration;

/// <summary>The names of the domain events: <c>type</c> is <c>{entity}.{event}</c>, as docs/events.md lists them.</summary>
public static class DomainEvents
{
    public const string SubjectPrefix = "ticketing.";

    public const string TicketCreated = "ticket.created";
    public const string TicketUpdated = "ticket.updated";
    public const string EventCreated = "event.created";
    public const string EventSoldOut = "event.sold_out";
    public const string EventAvailabilityChanged = "event.availability_changed";
    public const string OrderCreated = "order.created";
    public const string OrderCancelled = "order.cancelled";
    public const string OrderCompleted = "order.completed";
    public const string PaymentCreated = "payment.created";

    public static string TypeOf(IDomainEvent data) => data switch
    {
        Integration.TicketCreated => TicketCreated,
        Integration.TicketUpdated => TicketUpdated,
        Integration.EventCreated => EventCreated,
        Integration.EventSoldOut => EventSoldOut,
        Integration.EventAvailabilityChanged => EventAvailabilityChanged,
        Integration.OrderCreated => OrderCreated,
        Integration.OrderCancelled => OrderCancelled,
        Integration.OrderCompleted => OrderCompleted,
        Integration.PaymentCreated => PaymentCreated,
        _ => throw new ArgumentOutOfRangeException(nameof(data), data.GetType().Name, "Not a known domain event."),
    };

    /// <summary>Every event but the in-cluster availability notice goes out as an integration event.</summary>
    public static bool IsIntegration(string type) => type != EventAvailabilityChanged;
}
