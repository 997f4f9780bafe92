namespace Ticketing.Events;

/// <summary>An event's counters at one version of it: what the live feed starts from.</summary>
[GenerateSerializer, Immutable, Alias("ticketing.event-availability")]
public sealed record EventAvailability(
    [property: Id(0)] int Available,
    [property: Id(1)] int Sold,
    [property: Id(2)] long Version);
