using Ticketing.Orders;

namespace Ticketing.Integration;

/// <summary><c>order.created</c>: a buyer holds a ticket (or a seat of an event) until <see cref="ExpiresAt"/>.</summary>
[GenerateSerializer, Immutable, Alias("ticketing.order-created")]
public sealed record OrderCreated(
    [property: Id(0)] string UserId,
    [property: Id(1)] string TicketId,
    [property: Id(2)] string? EventId,
    [property: Id(3)] string Title,
    [property: Id(4)] decimal Price,
    [property: Id(5)] DateTime ExpiresAt) : IDomainEvent;

/// <summary><c>order.cancelled</c>: by its buyer (<c>user</c>) or because its hold ran out (<c>expired</c>).</summary>
[GenerateSerializer, Immutable, Alias("ticketing.order-cancelled")]
public sealed record OrderCancelled(
    [property: Id(0)] CancelReason Reason,
    [property: Id(1)] string TicketId,
    [property: Id(2)] string? EventId) : IDomainEvent;

/// <summary><c>order.completed</c>: paid; the ticket is the buyer's.</summary>
[GenerateSerializer, Immutable, Alias("ticketing.order-completed")]
public sealed record OrderCompleted(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string? EventId,
    [property: Id(2)] decimal Price) : IDomainEvent;
