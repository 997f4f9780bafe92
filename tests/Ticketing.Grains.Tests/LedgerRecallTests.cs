using Ticketing.Events;
using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Orders;
using Ticketing.Testing;

namespace Ticketing.Grains.Tests;

/// <summary>
/// An event too large to rebuild its ledger within its activation answers while it asks its seats' tickets. These
/// pin what it answers meanwhile: never a seat free that may not be, no seat handed out (buyers are asked to retry,
/// except for refusals that are already certain), and nothing its orders report in the meantime is lost.
/// </summary>
[Collection(QuickRecallCollection.Name)]
public sealed class LedgerRecallTests(QuickRecallCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Marketplace market = new(cluster);

    private static DateTime OnSaleSinceAMinute => DateTime.UtcNow - TimeSpan.FromMinutes(1);

    [Fact]
    public async Task WhileRecallingSeatsNotKnownYetCountAsTakenAndNewBuyersAreAskedToRetry()
    {
        var drop = await market.CreateEventAsync(capacity: 4, OnSaleSinceAMinute, maxPerUser: 1);
        var holder = Ids.New();
        var held = await market.PlaceAsync(holder, eventId: drop.Id);
        var payer = Ids.New();
        var paid = await market.PlaceAsync(payer, eventId: drop.Id);
        await market.Order(paid.Id).BeginPaymentAsync(payer);
        Assert.True(await market.Order(paid.Id).CompletePaymentAsync());

        EventView? during;
        OrderPlacementResult refused;
        using (RecallGate.Hold(market.Ticket(held.Ticket.Id)))
        {
            await market.DeactivateAsync(market.Event(drop.Id));
            during = await market.Event(drop.Id).GetAsync();
            refused = await market.Order(Ids.New()).PlaceAsync(new PlaceOrder(Ids.New(), null, drop.Id));
        }

        var rebuilt = await Eventually.UntilAsync(
            () => market.Event(drop.Id).GetAsync(), e => (e!.Available, e.Sold) == (2, 1), Patience);
        var overLimit = await market.Order(Ids.New()).PlaceAsync(new PlaceOrder(holder, null, drop.Id));
        var next = await market.PlaceAsync(Ids.New(), eventId: drop.Id);

        Assert.Equal((0, 0), (during!.Available, during.Sold));
        Assert.Equal(OrderPlacementOutcome.EventRecovering, refused.Outcome);
        Assert.Equal((2, 1), (rebuilt!.Available, rebuilt.Sold));
        Assert.Equal(OrderPlacementOutcome.LimitReached, overLimit.Outcome);
        Assert.Equal(Ids.SeatTicketId(drop.Id, 3), next.Ticket.Id);
    }

    [Fact]
    public async Task ACancellationReportedBeforeTheTicketsAnswerArrivesFreesTheSeat()
    {
        var drop = await market.CreateEventAsync(capacity: 2, OnSaleSinceAMinute);
        var buyer = Ids.New();
        var cancelled = await market.PlaceAsync(buyer, eventId: drop.Id);

        // The ticket answered "held"; the order now lets go, and the event hears of it before that answer.
        await WhileTheTicketsAnswerIsHeldAsync(drop.Id, cancelled.Ticket.Id, async () =>
            Assert.Equal(OrderCancelOutcome.Cancelled, (await market.Order(cancelled.Id).CancelAsync(buyer)).Outcome));

        var rebuilt = await Eventually.UntilAsync(
            () => market.Event(drop.Id).GetAsync(), e => e!.Available == 2, Patience);
        var next = await market.PlaceAsync(Ids.New(), eventId: drop.Id);

        Assert.Equal((2, 0), (rebuilt!.Available, rebuilt.Sold));
        Assert.Equal(cancelled.Ticket.Id, next.Ticket.Id);
    }

    [Fact]
    public async Task APaymentReportedBeforeTheTicketsAnswerArrivesCountsTheSeatSold()
    {
        var drop = await market.CreateEventAsync(capacity: 2, OnSaleSinceAMinute);
        var buyer = Ids.New();
        var order = await market.PlaceAsync(buyer, eventId: drop.Id);
        await market.Order(order.Id).BeginPaymentAsync(buyer);

        // The ticket answered "held, unpaid"; the payment completes and the event hears of it before that answer.
        await WhileTheTicketsAnswerIsHeldAsync(drop.Id, order.Ticket.Id, async () =>
            Assert.True(await market.Order(order.Id).CompletePaymentAsync()));

        var rebuilt = await Eventually.UntilAsync(
            () => market.Event(drop.Id).GetAsync(), e => e!.Sold == 1, Patience);

        Assert.Equal((1, 1), (rebuilt!.Available, rebuilt.Sold));
    }

    /// <summary>
    /// Makes the event rebuild its ledger and holds the ticket's answer back on the event's side until
    /// <paramref name="meanwhile"/> is done: the ticket has answered, the event has not heard it yet.
    /// </summary>
    private async Task WhileTheTicketsAnswerIsHeldAsync(string eventId, string ticketId, Func<Task> meanwhile)
    {
        using var gate = RecallGate.Hold(market.Ticket(ticketId));
        await market.DeactivateAsync(market.Event(eventId));
        await market.Event(eventId).GetAsync();
        await gate.HoldingAnAnswer.WaitAsync(Patience);
        await meanwhile();
    }
}
