using Ticketing.Integration;

namespace Ticketing.Orders;

[GenerateSerializer, Alias("ticketing.order-state")]
public sealed record OrderState : IOutboxState<OrderState>
{
    [Id(0)] public string UserId { get; init; } = "";
    [Id(1)] public OrderStatus Status { get; init; }
    [Id(2)] public DateTime ExpiresAt { get; init; }
    [Id(3)] public OrderTicket? Ticket { get; init; }
    [Id(4)] public string? EventId { get; init; }
    [Id(5)] public CancelReason? CancelReason { get; init; }
    [Id(6)] public DateTime CreatedAt { get; init; }
    [Id(7)] public DateTime? PaymentStartedAt { get; init; }

    /// <summary>Grows with every change of the order; orders its integration events.</summary>
    [Id(8)] public int Version { get; init; }

    /// <summary>Integration events written with the change they describe and not yet delivered (oldest first).</summary>
    [Id(9)] public IntegrationEvent[] Outbox { get; init; } = [];

    public OrderState WithOutbox(IntegrationEvent[] outbox) => this with { Outbox = outbox };

    public bool Exists => Ticket is not null;

    public bool IsOpen => Status is OrderStatus.Created or OrderStatus.AwaitingPayment;

    public OrderView ToView(string id) =>
        new(id, UserId, Status, ExpiresAt, Ticket!, EventId, CancelReason, CreatedAt);
}
