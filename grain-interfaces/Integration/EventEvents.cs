namespace Ticketing.Integration;

/// <summary><c>event.created</c>: an organizer opened a drop.</summary>
[GenerateSerializer, Immutable, Alias("ticketing.event-created")]
public sealed record EventCreated(
    [property: Id(0)] string Title,
    [property: Id(1)] decimal Price,
    [property: Id(2)] int Capacity,
    [property: Id(3)] DateTime OnSaleAt,
    [property: Id(4)] int? MaxPerUser,
    [property: Id(5)] string OrganizerId) : IDomainEvent;

/// <summary>
/// <c>event.sold_out</c>: the first time no seat was left (held or sold). Seats freed later by expiry do not
/// take it back, and it is not announced again.
/// </summary>
[GenerateSerializer, Immutable, Alias("ticketing.event-sold-out")]
public sealed record EventSoldOut(
    [property: Id(0)] int Capacity,
    [property: Id(1)] int Sold) : IDomainEvent;

/// <summary>
/// <c>event.availability_changed</c>, in the cluster only: the counters after a change, for the live feed. Each
/// carries the full counts, so a consumer keeps the one with the highest version and may miss any in between.
/// </summary>
[GenerateSerializer, Immutable, Alias("ticketing.event-availability-changed")]
public sealed record EventAvailabilityChanged(
    [property: Id(0)] int Available,
    [property: Id(1)] int Sold) : IDomainEvent;
