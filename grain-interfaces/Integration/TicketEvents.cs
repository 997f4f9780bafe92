using Ticketing.Tickets;

namespace Ticketing.Integration;

/// <summary>What happened to a ticket in a <c>ticket.updated</c>.</summary>
public enum TicketChange
{
    Reserved,
    Released,
    Sold,
    Edited,
}

/// <summary>
/// <c>ticket.created</c>: a stand-alone ticket was listed, or an event's seat was first taken (seats exist
/// virtually until then, so a drop of 100,000 seats does not announce 100,000 tickets up front).
/// </summary>
[GenerateSerializer, Immutable, Alias("ticketing.ticket-created")]
public sealed record TicketCreated(
    [property: Id(0)] string Title,
    [property: Id(1)] decimal Price,
    [property: Id(2)] string SellerId,
    [property: Id(3)] string? EventId,
    [property: Id(4)] TicketStatus Status) : IDomainEvent;

/// <summary><c>ticket.updated</c>: every versioned change after creation (reserve, release, sell, edit).</summary>
[GenerateSerializer, Immutable, Alias("ticketing.ticket-updated")]
public sealed record TicketUpdated(
    [property: Id(0)] TicketChange Change,
    [property: Id(1)] TicketStatus Status,
    [property: Id(2)] string Title,
    [property: Id(3)] decimal Price,
    [property: Id(4)] string? OrderId,
    [property: Id(5)] string? EventId) : IDomainEvent;
