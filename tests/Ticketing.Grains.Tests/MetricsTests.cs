using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Orders;
using Ticketing.Payments;

namespace Ticketing.Grains.Tests;

/// <summary>What the order and payment grains count on the <c>Ticketing</c> meter, grain by grain.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class MetricsTests(FakeClockCluster cluster)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly Marketplace market = new(cluster);

    [Fact]
    public async Task AnOrderHoldsOnceFromPlacementUntilItIsCancelledPaidOrExpiredHoweverOftenItIsAsked()
    {
        using var metrics = new MetricsRecorder(cluster);
        var cancelled = await market.PlaceAsync(Ids.New(), ticketId: (await market.ListTicketAsync()).Id);
        var paid = await market.PlaceAsync(Ids.New(), ticketId: (await market.ListTicketAsync()).Id);
        var expiring = await market.PlaceAsync(Ids.New(), ticketId: (await market.ListTicketAsync()).Id);

        await market.Order(cancelled.Id).CancelAsync(cancelled.UserId);
        await market.Order(cancelled.Id).CancelAsync(cancelled.UserId);
        await market.Payment(paid.Id).PayAsync(new PayOrder(paid.UserId, "tok_visa"));
        await market.Payment(paid.Id).PayAsync(new PayOrder(paid.UserId, "tok_visa"));
        FakeClockCluster.Clock.Advance(Window);
        await market.Order(expiring.Id).GetAsync(expiring.UserId);
        await market.Order(expiring.Id).CancelAsync(expiring.UserId);

        foreach (var order in new[] { cancelled, paid, expiring })
        {
            Assert.Equal(["1 kind=ticket"], metrics.Of(market.Order(order.Id), "ticketing.reservations"));
            Assert.Equal(["1", "-1"], metrics.Of(market.Order(order.Id), "ticketing.live_holds"));
        }

        Assert.Empty(metrics.Of(market.Order(cancelled.Id), "ticketing.order_expiries"));
        Assert.Equal(["1"], metrics.Of(market.Order(expiring.Id), "ticketing.order_expiries"));
        Assert.Equal(["1 outcome=succeeded"], metrics.Of(market.Payment(paid.Id), "ticketing.payments"));
    }

    [Fact]
    public async Task ASoldOutAnswerAndADeclinedCardAreCountedAndTheHoldStaysLive()
    {
        using var metrics = new MetricsRecorder(cluster);
        var drop = await market.CreateEventAsync(capacity: 1, FakeClockCluster.UtcNow - TimeSpan.FromMinutes(1));
        var holder = await market.PlaceAsync(Ids.New(), eventId: drop.Id);
        var refused = market.Order(Ids.New());

        var answer = await refused.PlaceAsync(new PlaceOrder(Ids.New(), null, drop.Id));
        var declined = await market.Payment(holder.Id).PayAsync(new PayOrder(holder.UserId, "tok_chargeDeclined"));

        Assert.Equal(OrderPlacementOutcome.SoldOut, answer.Outcome);
        Assert.Equal(PaymentOutcome.Declined, declined.Outcome);
        Assert.Equal(["1"], metrics.Of(refused, "ticketing.sold_out_answers"));
        Assert.Empty(metrics.Of(refused, "ticketing.reservations"));
        Assert.Equal(["1 kind=seat"], metrics.Of(market.Order(holder.Id), "ticketing.reservations"));
        Assert.Equal(["1"], metrics.Of(market.Order(holder.Id), "ticketing.live_holds"));
        Assert.Equal(["1 outcome=declined"], metrics.Of(market.Payment(holder.Id), "ticketing.payments"));
    }
}
