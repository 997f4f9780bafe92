using Ticketing.Grains.Tests.Infrastructure;

namespace Ticketing.Grains.Tests;

/// <summary>
/// A seat's hold registers its ticket's and its order's expiry reminders only when those grains leave memory (the
/// event's sweep of stale holds backs the hold up meanwhile), so a drop's burst writes none; a stand-alone ticket,
/// which no sweep covers, registers them at once.
/// </summary>
[Collection(SlowCleanUpCollection.Name)]
public sealed class SeatHoldReminderTests(SlowCleanUpCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Marketplace market = new(cluster);

    [Fact]
    public async Task ASeatHoldRegistersNoReminderWhileItsGrainsAreInMemoryButAStandAloneTicketsHoldDoes()
    {
        var drop = await market.CreateEventAsync(capacity: 2, DateTime.UtcNow - TimeSpan.FromMinutes(1));
        var seatOrder = await market.PlaceAsync(Ids.New(), eventId: drop.Id);
        var listed = await market.ListTicketAsync();
        var ticketOrder = await market.PlaceAsync(Ids.New(), ticketId: listed.Id);

        // The stand-alone hold, placed after the seat's, has both its reminders registered by now.
        var standAloneArmed = await Eventually.UntilAsync(
            async () => (await market.ReadReminderAsync(market.Order(ticketOrder.Id), "order-expiry"),
                         await market.ReadReminderAsync(market.Ticket(listed.Id), "hold-expiry")),
            armed => armed.Item1 is not null && armed.Item2 is not null,
            Patience);

        Assert.NotNull(standAloneArmed.Item1);
        Assert.NotNull(standAloneArmed.Item2);
        Assert.Null(await market.ReadReminderAsync(market.Order(seatOrder.Id), "order-expiry"));
        Assert.Null(await market.ReadReminderAsync(market.Ticket(seatOrder.Ticket.Id), "hold-expiry"));
    }

    [Fact]
    public async Task ASeatHoldsGrainsRegisterTheirRemindersWhenTheyLeaveMemory()
    {
        var drop = await market.CreateEventAsync(capacity: 2, DateTime.UtcNow - TimeSpan.FromMinutes(1));
        var order = await market.PlaceAsync(Ids.New(), eventId: drop.Id);

        await market.DeactivateAsync(market.Order(order.Id));
        await market.DeactivateAsync(market.Ticket(order.Ticket.Id));
        var orderReminder = await market.ReadReminderAsync(market.Order(order.Id), "order-expiry");
        var holdReminder = await market.ReadReminderAsync(market.Ticket(order.Ticket.Id), "hold-expiry");

        Assert.NotNull(orderReminder);
        Assert.NotNull(holdReminder);
        Assert.True(orderReminder.StartAt >= order.ExpiresAt, $"The order's reminder is due at {orderReminder.StartAt:O}, before its expiry {order.ExpiresAt:O}.");
        Assert.True(holdReminder.StartAt >= order.ExpiresAt, $"The hold's reminder is due at {holdReminder.StartAt:O}, before its expiry {order.ExpiresAt:O}.");
    }
}
