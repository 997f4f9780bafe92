using Ticketing.Integration;

namespace Ticketing.Events;

/// <summary>A seat given to an order: held until the order pays or lets go.</summary>
[GenerateSerializer, Alias("ticketing.seat-hold")]
public sealed record SeatHold(
    [property: Id(0)] int Seat,
    [property: Id(1)] string BuyerId,
    [property: Id(2)] DateTime ExpiresAt,
    [property: Id(3)] bool Sold);

/// <summary>
/// A mutable state class rather than a record: an event of 100,000 seats keeps its holds in one dictionary,
/// and copying it on every reservation would cost more than the reservation.
/// </summary>
[GenerateSerializer, Alias("ticketing.event-state")]
public sealed class EventState
{
    [Id(0)] public string Title { get; set; } = "";
    [Id(1)] public decimal Price { get; set; }
    [Id(2)] public int Capacity { get; set; }
    [Id(3)] public DateTime OnSaleAt { get; set; }
    [Id(4)] public int? MaxPerUser { get; set; }
    [Id(5)] public string OrganizerId { get; set; } = "";
    [Id(6)] public DateTime CreatedAt { get; set; }

    /// <summary>Seats 1 … NextSeat-1 have been handed out at least once; the rest were never touched.</summary>
    [Id(7)] public int NextSeat { get; set; } = 1;

    /// <summary>Seats handed out before and given back since.</summary>
    [Id(8)] public List<int> FreedSeats { get; set; } = [];

    /// <summary>Every seat held or sold, by order id.</summary>
    [Id(9)] public Dictionary<string, SeatHold> Holds { get; set; } = [];

    /// <summary>Grows with every change of the seat ledger; orders the event's domain events.</summary>
    [Id(10)] public long Version { get; set; }

    /// <summary>Whether <c>event.sold_out</c> went out: it is announced once, the first time no seat is left.</summary>
    [Id(11)] public bool SoldOutAnnounced { get; set; }

    /// <summary>Integration events written with the change they describe and not yet delivered (oldest first).</summary>
    [Id(12)] public List<IntegrationEvent> Outbox { get; set; } = [];

    public bool Exists => OrganizerId.Length > 0;
}
