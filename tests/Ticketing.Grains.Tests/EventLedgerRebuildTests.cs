using Ticketing.Events;
using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Orders;
using Ticketing.Tickets;

namespace Ticketing.Grains.Tests;

/// <summary>
/// The event keeps its seat ledger in memory; each seat's ticket is the durable record of who holds it. These pin
/// that a new activation of the event rebuilds exactly that ledger from the tickets, and that a seat the rebuilt
/// ledger wrongly thinks free is never sold twice.
/// </summary>
[Collection(FakeClockCollection.Name)]
public sealed class EventLedgerRebuildTests(FakeClockCluster cluster)
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(15);

    private readonly Marketplace market = new(cluster);

    private static DateTime OnSaleSinceAMinute => FakeClockCluster.UtcNow - TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ReactivatedEventCountsHeldSoldAndFreedSeatsFromTheirTickets()
    {
        var drop = await market.CreateEventAsync(capacity: 5, OnSaleSinceAMinute, maxPerUser: 2);
        var buyerId = Ids.New();
        var paid = await market.PlaceAsync(buyerId, eventId: drop.Id);
        var held = await market.PlaceAsync(buyerId, eventId: drop.Id);
        var cancelled = await market.PlaceAsync(Ids.New(), eventId: drop.Id);
        await market.Order(cancelled.Id).CancelAsync(cancelled.UserId);
        await market.Order(paid.Id).BeginPaymentAsync(buyerId);
        Assert.True(await market.Order(paid.Id).CompletePaymentAsync());

        await market.DeactivateAsync(market.Event(drop.Id));
        var rebuilt = await market.Event(drop.Id).GetAsync();
        var overLimit = await market.Order(Ids.New()).PlaceAsync(new PlaceOrder(buyerId, null, drop.Id));
        var next = await market.PlaceAsync(Ids.New(), eventId: drop.Id);

        Assert.Equal((3, 1), (rebuilt!.Available, rebuilt.Sold));
        Assert.Equal(OrderPlacementOutcome.LimitReached, overLimit.Outcome);
        Assert.Equal(cancelled.Ticket.Id, next.Ticket.Id);
        Assert.Equal(
            [Ids.SeatTicketId(drop.Id, 1), Ids.SeatTicketId(drop.Id, 2)],
            new[] { paid.Ticket.Id, held.Ticket.Id }.Order());
        Assert.Equal(2, await market.Event(drop.Id).GetSeatOfOrderAsync(held.Id));
    }

    [Fact]
    public async Task SeatWhoseTicketIsHeldByAnotherOrderIsSkippedNotSoldTwice()
    {
        var drop = await market.CreateEventAsync(capacity: 3, OnSaleSinceAMinute);
        var inFlightOrderId = Ids.New();
        var inFlightBuyerId = Ids.New();
        var allocation = await market.Event(drop.Id).AllocateSeatAsync(
            new AllocateSeat(inFlightOrderId, inFlightBuyerId, FakeClockCluster.UtcNow + Hold));

        // The event loses its ledger before the in-flight reservation reaches the seat's ticket.
        await market.DeactivateAsync(market.Event(drop.Id));
        var availableAfterRebuild = (await market.Event(drop.Id).GetAsync())!.Available;
        var seatTicket = Ids.SeatTicketId(drop.Id, allocation.Seat!.Seat);
        var landed = await market.Ticket(seatTicket).ReserveAsync(
            new ReserveTicket(inFlightOrderId, inFlightBuyerId, FakeClockCluster.UtcNow + Hold, allocation.Seat));
        var next = await market.PlaceAsync(Ids.New(), eventId: drop.Id);
        var after = await market.Event(drop.Id).GetAsync();

        Assert.Equal(3, availableAfterRebuild);
        Assert.Equal(TicketReserveOutcome.Reserved, landed.Outcome);
        Assert.NotEqual(seatTicket, next.Ticket.Id);
        Assert.Equal(inFlightOrderId, (await market.Ticket(seatTicket).GetAsync())!.OrderId);
        Assert.Equal(allocation.Seat.Seat, await market.Event(drop.Id).GetSeatOfOrderAsync(inFlightOrderId));
        Assert.Equal(1, after!.Available);
    }

    [Fact]
    public async Task CreatingAnEventWritesNoSeats()
    {
        var drop = await market.CreateEventAsync(capacity: 100_000, OnSaleSinceAMinute);

        var stored = await market.ReadStoredAsync<EventState>(market.Event(drop.Id), "event");

        Assert.Equal((100_000, 0), (stored.Capacity, stored.SeatsIssued));
    }
}
