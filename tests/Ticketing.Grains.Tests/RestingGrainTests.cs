using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Integration;
using Ticketing.Orders;
using Ticketing.Payments;
using Ticketing.Tickets;

namespace Ticketing.Grains.Tests;

/// <summary>
/// A held seat's ticket and its order leave memory once their delivered events are written away and their reminders
/// registered (the silo's in-memory clean-up delay, <see cref="OutboxOptions.InMemoryCleanUpAfter"/>), and come back
/// from storage exactly as they were: the hold, the order and the reminders all survive the rest.
/// </summary>
[Collection(FakeClockCollection.Name)]
public sealed class RestingGrainTests(FakeClockCluster cluster)
{
    // The clean-up delay plus a two-core machine's leeway for the outbox's timer turn and the deactivation.
    private static readonly TimeSpan RestWithin = OutboxOptions.InMemoryCleanUpAfter + TimeSpan.FromSeconds(10);

    private readonly Marketplace market = new(cluster);

    [Fact]
    public async Task HeldSeatAndItsOrderRestOnceSettledAndWakeWithTheHoldIntact()
    {
        var drop = await market.CreateEventAsync(capacity: 3, FakeClockCluster.UtcNow - TimeSpan.FromMinutes(1));
        var order = await market.PlaceAsync(Ids.New(), eventId: drop.Id);

        var ticketRested = await RestsAsync(market.Ticket(order.Ticket.Id));
        var orderRested = await RestsAsync(market.Order(order.Id));
        var storedTicket = await market.ReadStoredTicketAsync(order.Ticket.Id);
        var storedOrder = await market.ReadStoredOrderAsync(order.Id);

        Assert.True(ticketRested, "The held seat's ticket stayed in memory.");
        Assert.True(orderRested, "The placed order stayed in memory.");
        Assert.Empty(storedTicket.Outbox);
        Assert.Empty(storedOrder.Outbox);
        Assert.NotNull(await market.ReadReminderAsync(market.Ticket(order.Ticket.Id), "hold-expiry"));
        Assert.NotNull(await market.ReadReminderAsync(market.Order(order.Id), "order-expiry"));
        Assert.Equal(order, await market.Order(order.Id).GetAsync(order.UserId));
        Assert.Equal(order.Id, (await market.Ticket(order.Ticket.Id).GetHoldAsync())?.OrderId);
        Assert.Equal(2, (await market.Event(drop.Id).GetAsync())!.Available);
    }

    [Fact]
    public async Task RestedOrderIsPaidAndSellsItsSeat()
    {
        var drop = await market.CreateEventAsync(capacity: 3, FakeClockCluster.UtcNow - TimeSpan.FromMinutes(1));
        var order = await market.PlaceAsync(Ids.New(), eventId: drop.Id);
        Assert.True(await RestsAsync(market.Order(order.Id)), "The placed order stayed in memory.");
        Assert.True(await RestsAsync(market.Ticket(order.Ticket.Id)), "The held seat's ticket stayed in memory.");

        var paid = await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"));

        Assert.Equal(PaymentOutcome.Succeeded, paid.Outcome);
        Assert.Equal(OrderStatus.Complete, (await market.Order(order.Id).GetAsync(order.UserId))!.Status);
        Assert.Equal(TicketStatus.Sold, (await market.Ticket(order.Ticket.Id).GetAsync())!.Status);
        Assert.Equal(1, (await market.Event(drop.Id).GetAsync())!.Sold);
        Assert.Null(await market.ReadReminderAsync(market.Ticket(order.Ticket.Id), "hold-expiry"));
        Assert.Null(await market.ReadReminderAsync(market.Order(order.Id), "order-expiry"));
    }

    [Fact]
    public async Task CancelledOrderAndItsFreedSeatRestToo()
    {
        var drop = await market.CreateEventAsync(capacity: 3, FakeClockCluster.UtcNow - TimeSpan.FromMinutes(1));
        var order = await market.PlaceAsync(Ids.New(), eventId: drop.Id);
        await market.Order(order.Id).CancelAsync(order.UserId);

        Assert.True(await RestsAsync(market.Order(order.Id)), "The cancelled order stayed in memory.");
        Assert.True(await RestsAsync(market.Ticket(order.Ticket.Id)), "The freed seat's ticket stayed in memory.");
        Assert.Equal(OrderStatus.Cancelled, (await market.Order(order.Id).GetAsync(order.UserId))!.Status);
        Assert.Null(await market.Ticket(order.Ticket.Id).GetHoldAsync());
    }

    private Task<bool> RestsAsync(IAddressable grain) => market.LeavesMemoryAsync(grain, RestWithin);
}
