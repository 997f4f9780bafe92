using Ticketing.Tickets;

namespace Ticketing.Events;

/// <summary>
/// An on-sale drop: its capacity, price, on-sale moment and per-buyer limit, and the allocation of its seats
/// to orders. It never hands out more seats than its capacity, nor one seat to two live orders.
/// </summary>
public interface IEventGrain : IGrainWithStringKey
{
    /// <summary>Creates the event; its seats exist from now on, but none is written until touched.</summary>
    Task<EventView> CreateAsync(CreateEvent command);

    /// <summary>The event with its live counters, or null.</summary>
    [ReadOnly]
    Task<EventView?> GetAsync();

    /// <summary>The live counters and the version they belong to, or null; where the live feed starts.</summary>
    [ReadOnly]
    Task<EventAvailability?> GetAvailabilityAsync();

    /// <summary>Picks a free seat for an order, enforcing on-sale time, capacity and the buyer's limit.</summary>
    Task<SeatAllocationResult> AllocateSeatAsync(AllocateSeat command);

    /// <summary>What a seat looks like before anyone touched it, or null when the event has no such seat.</summary>
    [ReadOnly]
    Task<SeatTemplate?> GetSeatTemplateAsync(int seat);

    /// <summary>Returns an order's seat to the pool (idempotent); the seat, or null when the order held none.</summary>
    Task<int?> ReleaseSeatAsync(string orderId);

    /// <summary>Records that the order holding a seat paid for it (idempotent).</summary>
    Task MarkSoldAsync(string orderId);

    /// <summary>The seat an order holds or bought, or null.</summary>
    [ReadOnly]
    Task<int?> GetSeatOfOrderAsync(string orderId);

    /// <summary>
    /// The seat given to the order turned out to be held by another order, as its ticket records: the order lets
    /// go of it and the seat stays taken by its holder. Only after this event rebuilt its ledger while a
    /// reservation was in flight.
    /// </summary>
    Task HandOverSeatAsync(string orderId, SeatHoldRecord holder);
}

[GenerateSerializer, Immutable, Alias("ticketing.create-event")]
public sealed record CreateEvent(
    [property: Id(0)] string Title,
    [property: Id(1)] decimal Price,
    [property: Id(2)] int Capacity,
    [property: Id(3)] DateTime OnSaleAt,
    [property: Id(4)] int? MaxPerUser,
    [property: Id(5)] string OrganizerId);

[GenerateSerializer, Immutable, Alias("ticketing.allocate-seat")]
public sealed record AllocateSeat(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string BuyerId,
    [property: Id(2)] DateTime ExpiresAt);

[GenerateSerializer, Immutable, Alias("ticketing.event-view")]
public sealed record EventView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] decimal Price,
    [property: Id(3)] int Capacity,
    [property: Id(4)] int Available,
    [property: Id(5)] int Sold,
    [property: Id(6)] DateTime OnSaleAt,
    [property: Id(7)] int? MaxPerUser,
    [property: Id(8)] string UserId,
    [property: Id(9)] DateTime CreatedAt);
