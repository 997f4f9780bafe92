using Ticketing.Integration;

namespace Ticketing.Tickets;

/// <summary>
/// The order holding a ticket, for which buyer and until when; a hold being paid for does not expire by time alone.
/// The buyer lets an event that lost its in-memory ledger count each buyer's seats again.
/// </summary>
[GenerateSerializer, Immutable, Alias("ticketing.ticket-lock")]
public sealed record TicketLock(
    [property: Id(0)] string OrderId,
    [property: Id(1)] DateTime ExpiresAt,
    [property: Id(2)] bool Paying,
    [property: Id(3)] string? BuyerId = null);

[GenerateSerializer, Alias("ticketing.ticket-state")]
public sealed record TicketState : IOutboxState<TicketState>
{
    [Id(0)] public string Title { get; init; } = "";
    [Id(1)] public decimal Price { get; init; }
    [Id(2)] public string SellerId { get; init; } = "";
    [Id(3)] public string? EventId { get; init; }
    [Id(4)] public DateTime CreatedAt { get; init; }
    [Id(5)] public TicketStatus Status { get; init; }
    [Id(6)] public int Version { get; init; }
    [Id(7)] public TicketLock? Lock { get; init; }

    /// <summary>Integration events written with the change they describe and not yet delivered (oldest first).</summary>
    [Id(8)] public IntegrationEvent[] Outbox { get; init; } = [];

    public TicketState WithOutbox(IntegrationEvent[] outbox) => this with { Outbox = outbox };

    public bool Exists => SellerId.Length > 0;

    /// <summary>A hold that has run out and is not being paid for: the ticket is free in all but name.</summary>
    public bool HoldExpiredAt(DateTime now) =>
        Status == TicketStatus.Reserved && Lock is { Paying: false } hold && now >= hold.ExpiresAt;

    public static TicketState FromSeat(SeatTemplate seat) => new()
    {
        Title = seat.Title,
        Price = seat.Price,
        SellerId = seat.OrganizerId,
        EventId = seat.EventId,
        CreatedAt = seat.CreatedAt,
        Status = TicketStatus.Available,
    };

    /// <summary>The seat's hold as its event rebuilds its ledger from it, or null while nobody holds it.</summary>
    public SeatHoldRecord? ToHoldRecord() =>
        Lock is { } hold && Status != TicketStatus.Available
            ? new SeatHoldRecord(hold.OrderId, hold.BuyerId ?? "", hold.ExpiresAt, Status == TicketStatus.Sold)
            : null;

    public TicketView ToView(string id) =>
        new(id, Title, Price, SellerId, Lock?.OrderId, EventId, Status, Version, CreatedAt);
}
