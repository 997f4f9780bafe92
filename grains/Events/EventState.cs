using Ticketing.Integration;

namespace Ticketing.Events;

/// <summary>
/// What an event writes: what it is, and how far its seats have been handed out. Which order holds which seat is
/// not here: each seat's ticket records its own lock, so a reservation costs the event no write, and an event that
/// lost its activation rebuilds its ledger from the tickets of the seats it had handed out.
/// </summary>
[GenerateSerializer, Alias("ticketing.event-state")]
public sealed record EventState : IOutboxState<EventState>
{
    [Id(0)] public string Title { get; init; } = "";
    [Id(1)] public decimal Price { get; init; }
    [Id(2)] public int Capacity { get; init; }
    [Id(3)] public DateTime OnSaleAt { get; init; }
    [Id(4)] public int? MaxPerUser { get; init; }
    [Id(5)] public string OrganizerId { get; init; } = "";
    [Id(6)] public DateTime CreatedAt { get; init; }

    // Ids 7-9 held the seat ledger while it was written with every reservation; never reuse them.

    /// <summary>
    /// The event's version as last written. Changes of the ledger raise it in memory only; a new activation
    /// starts <see cref="EventGrain.VersionHeadroom"/> above it, so versions only ever grow.
    /// </summary>
    [Id(10)] public long Version { get; init; }

    /// <summary>Whether <c>event.sold_out</c> went out: it is announced once, the first time no seat is left.</summary>
    [Id(11)] public bool SoldOutAnnounced { get; init; }

    /// <summary>Integration events written with the change they describe and not yet delivered (oldest first).</summary>
    [Id(12)] public IntegrationEvent[] Outbox { get; init; } = [];

    /// <summary>
    /// Seats 1 … SeatsIssued may have been handed out; the rest were never touched. Written ahead of use, a block
    /// at a time, so only one reservation in a block waits for a write.
    /// </summary>
    [Id(13)] public int SeatsIssued { get; init; }

    public EventState WithOutbox(IntegrationEvent[] outbox) => this with { Outbox = outbox };

    public bool Exists => OrganizerId.Length > 0;
}
