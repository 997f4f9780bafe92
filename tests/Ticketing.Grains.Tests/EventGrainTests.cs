using Ticketing.Events;
using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Tickets;

namespace Ticketing.Grains.Tests;

[Collection(FakeClockCollection.Name)]
public sealed class EventGrainTests(FakeClockCluster cluster)
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(15);

    private readonly Marketplace market = new(cluster);

    private static DateTime OnSaleSinceAMinute => FakeClockCluster.UtcNow - TimeSpan.FromMinutes(1);

    [Fact]
    public async Task CreatedEventHasAllSeatsAvailable()
    {
        var organizerId = Ids.New();
        var eventId = Ids.New();
        var onSaleAt = OnSaleSinceAMinute;

        var created = await market.Event(eventId).CreateAsync(new CreateEvent("Open air", 30m, 5, onSaleAt, 2, organizerId));

        var expected = new EventView(eventId, "Open air", 30m, 5, Available: 5, Sold: 0, onSaleAt, 2, organizerId, FakeClockCluster.UtcNow);
        Assert.Equal(expected, created);
        Assert.Equal(expected, await market.Event(eventId).GetAsync());
    }

    [Fact]
    public async Task CreatedEventIsTheNewestInTheEventCatalog()
    {
        FakeClockCluster.Clock.Advance(TimeSpan.FromSeconds(1));

        var drop = await market.CreateEventAsync(capacity: 5, OnSaleSinceAMinute);

        var page = await market.Grains.EventCatalog().ListAsync(null, 1);
        Assert.Equal([new IndexPosition(drop.CreatedAt, drop.Id)], page.Items);
    }

    [Fact]
    public async Task StaleHoldSweepStopsOnceNoSeatIsHeld()
    {
        var drop = await market.CreateEventAsync(capacity: 5, OnSaleSinceAMinute);
        var orderId = Ids.New();
        await market.Event(drop.Id).AllocateSeatAsync(Allocation(orderId));
        var whileHeld = await market.ReadReminderAsync(market.Event(drop.Id), "stale-holds");

        await market.Event(drop.Id).ReleaseSeatAsync(orderId);
        var afterRelease = await Eventually.UntilAsync(
            () => market.ReadReminderAsync(market.Event(drop.Id), "stale-holds"), r => r is null, 3 * TicketingTestSilo.MinimumReminderPeriod);

        Assert.NotNull(whileHeld);
        Assert.Null(afterRelease);
    }

    [Fact]
    public async Task AllocatesExactlyItsCapacityThenIsSoldOut()
    {
        var drop = await market.CreateEventAsync(capacity: 3, OnSaleSinceAMinute);

        var allocations = new List<SeatAllocationResult>();
        for (var i = 0; i < 4; i++)
        {
            allocations.Add(await market.Event(drop.Id).AllocateSeatAsync(Allocation(Ids.New())));
        }

        Assert.Equal([1, 2, 3], allocations.Take(3).Select(a => a.Seat!.Seat));
        Assert.All(allocations.Take(3), a => Assert.Equal(SeatAllocationOutcome.Allocated, a.Outcome));
        Assert.Equal(SeatAllocationResult.SoldOut, allocations[3]);
        Assert.Equal((0, 0), await CountersAsync(drop.Id));
    }

    [Fact]
    public async Task AllocatingAgainForTheSameOrderReturnsTheSameSeatNoLongerAsItsFirstHold()
    {
        var drop = await market.CreateEventAsync(capacity: 3, OnSaleSinceAMinute);
        var allocation = Allocation(Ids.New());

        var first = await market.Event(drop.Id).AllocateSeatAsync(allocation);
        var again = await market.Event(drop.Id).AllocateSeatAsync(allocation);

        // The first attempt may already have written the seat's ticket: the retry must not skip its read.
        Assert.Equal((first.Seat, true, false), (again.Seat, first.FirstHold, again.FirstHold));
        Assert.Equal((2, 0), await CountersAsync(drop.Id));
    }

    [Fact]
    public async Task BuyerBeyondTheLimitPerUserGetsLimitReached()
    {
        var drop = await market.CreateEventAsync(capacity: 10, OnSaleSinceAMinute, maxPerUser: 2);
        var buyerId = Ids.New();
        await market.Event(drop.Id).AllocateSeatAsync(Allocation(Ids.New(), buyerId));
        await market.Event(drop.Id).AllocateSeatAsync(Allocation(Ids.New(), buyerId));

        var third = await market.Event(drop.Id).AllocateSeatAsync(Allocation(Ids.New(), buyerId));
        var otherBuyer = await market.Event(drop.Id).AllocateSeatAsync(Allocation(Ids.New()));

        Assert.Equal(SeatAllocationResult.LimitReached, third);
        Assert.Equal(SeatAllocationOutcome.Allocated, otherBuyer.Outcome);
        Assert.Equal((7, 0), await CountersAsync(drop.Id));
    }

    [Fact]
    public async Task ReleasedSeatCountsNoLongerAgainstTheBuyersLimit()
    {
        var drop = await market.CreateEventAsync(capacity: 10, OnSaleSinceAMinute, maxPerUser: 1);
        var buyerId = Ids.New();
        var firstOrderId = Ids.New();
        await market.Event(drop.Id).AllocateSeatAsync(Allocation(firstOrderId, buyerId));
        await market.Event(drop.Id).ReleaseSeatAsync(firstOrderId);

        var next = await market.Event(drop.Id).AllocateSeatAsync(Allocation(Ids.New(), buyerId));

        Assert.Equal(SeatAllocationOutcome.Allocated, next.Outcome);
    }

    [Fact]
    public async Task SeatIsNotOnSaleUntilTheClockReachesOnSaleAt()
    {
        var drop = await market.CreateEventAsync(capacity: 5, onSaleAt: FakeClockCluster.UtcNow + TimeSpan.FromMinutes(10));

        var early = await market.Event(drop.Id).AllocateSeatAsync(Allocation(Ids.New()));
        FakeClockCluster.Clock.Advance(TimeSpan.FromMinutes(10));
        var onTime = await market.Event(drop.Id).AllocateSeatAsync(Allocation(Ids.New()));

        Assert.Equal(SeatAllocationResult.NotOnSale, early);
        Assert.Equal(SeatAllocationOutcome.Allocated, onTime.Outcome);
        Assert.Equal(1, onTime.Seat!.Seat);
    }

    [Fact]
    public async Task OrganizerCannotTakeASeatOfOwnEvent()
    {
        var organizerId = Ids.New();
        var drop = await market.CreateEventAsync(capacity: 5, OnSaleSinceAMinute, organizerId: organizerId);

        var result = await market.Event(drop.Id).AllocateSeatAsync(Allocation(Ids.New(), organizerId));

        Assert.Equal(SeatAllocationResult.OwnTicket, result);
        Assert.Equal((5, 0), await CountersAsync(drop.Id));
    }

    [Fact]
    public async Task AllocatingOnAnUnknownEventGetsNotFound()
    {
        var result = await market.Event(Ids.New()).AllocateSeatAsync(Allocation(Ids.New()));

        Assert.Equal(SeatAllocationResult.NotFound, result);
    }

    [Fact]
    public async Task ReleasedSeatReturnsToThePoolAndIsAllocatedAgain()
    {
        var drop = await market.CreateEventAsync(capacity: 1, OnSaleSinceAMinute);
        var firstOrderId = Ids.New();
        await market.Event(drop.Id).AllocateSeatAsync(Allocation(firstOrderId));
        var whileTaken = await market.Event(drop.Id).AllocateSeatAsync(Allocation(Ids.New()));

        var released = await market.Event(drop.Id).ReleaseSeatAsync(firstOrderId);
        var availableAfterRelease = (await market.Event(drop.Id).GetAsync())!.Available;
        var releasedAgain = await market.Event(drop.Id).ReleaseSeatAsync(firstOrderId);
        var next = await market.Event(drop.Id).AllocateSeatAsync(Allocation(Ids.New()));

        Assert.Equal(SeatAllocationResult.SoldOut, whileTaken);
        Assert.Equal(1, released);
        Assert.Equal(1, availableAfterRelease);
        Assert.Null(releasedAgain);
        Assert.Equal(1, next.Seat!.Seat);
        Assert.Equal((0, 0), await CountersAsync(drop.Id));
    }

    [Fact]
    public async Task MarkSoldCountsTheSeatAsSoldOnce()
    {
        var drop = await market.CreateEventAsync(capacity: 4, OnSaleSinceAMinute);
        var orderId = Ids.New();
        await market.Event(drop.Id).AllocateSeatAsync(Allocation(orderId));

        await market.Event(drop.Id).MarkSoldAsync(orderId);
        await market.Event(drop.Id).MarkSoldAsync(orderId);
        var releaseAfterSale = await market.Event(drop.Id).ReleaseSeatAsync(orderId);

        Assert.Null(releaseAfterSale);
        Assert.Equal((3, 1), await CountersAsync(drop.Id));
        Assert.Equal(1, await market.Event(drop.Id).GetSeatOfOrderAsync(orderId));
    }

    [Fact]
    public async Task SeatTemplateExistsOnlyWithinCapacity()
    {
        var drop = await market.CreateEventAsync(capacity: 3, OnSaleSinceAMinute, price: 12m);

        var first = await market.Event(drop.Id).GetSeatTemplateAsync(1);
        var last = await market.Event(drop.Id).GetSeatTemplateAsync(3);
        var beyond = await market.Event(drop.Id).GetSeatTemplateAsync(4);
        var zero = await market.Event(drop.Id).GetSeatTemplateAsync(0);

        Assert.Equal(new SeatTemplate(drop.Id, 1, drop.Title, 12m, drop.UserId, drop.CreatedAt), first);
        Assert.Equal(new SeatTemplate(drop.Id, 3, drop.Title, 12m, drop.UserId, drop.CreatedAt), last);
        Assert.Null(beyond);
        Assert.Null(zero);
    }

    [Fact]
    public async Task UntouchedSeatReadsAsAnAvailableTicketOfTheOrganizer()
    {
        var drop = await market.CreateEventAsync(capacity: 3, OnSaleSinceAMinute, price: 12m);

        var seat = await market.Ticket(Ids.SeatTicketId(drop.Id, 2)).GetAsync();
        var beyond = await market.Ticket(Ids.SeatTicketId(drop.Id, 4)).GetAsync();

        Assert.Equal(
            new TicketView(Ids.SeatTicketId(drop.Id, 2), drop.Title, 12m, drop.UserId, null, drop.Id, TicketStatus.Available, 0, drop.CreatedAt),
            seat);
        Assert.Null(beyond);
    }

    private static AllocateSeat Allocation(string orderId, string? buyerId = null) =>
        new(orderId, buyerId ?? Ids.New(), FakeClockCluster.UtcNow + Hold);

    private async Task<(int Available, int Sold)> CountersAsync(string eventId)
    {
        var view = await market.Event(eventId).GetAsync();
        return (view!.Available, view.Sold);
    }
}
