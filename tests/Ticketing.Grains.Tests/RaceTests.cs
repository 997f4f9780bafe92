using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Orders;
using Ticketing.Payments;
using Ticketing.Tickets;
using Xunit.Abstractions;

namespace Ticketing.Grains.Tests;

/// <summary>Real concurrent grain calls against one ticket, one event or one order.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class RaceTests(FakeClockCluster cluster, ITestOutputHelper output)
{
    private readonly Marketplace market = new(cluster);

    [Fact]
    public async Task FiftyOrdersRacingForOneTicketPlaceExactlyOne()
    {
        var ticket = await market.ListTicketAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            market.Order(Ids.New()).PlaceAsync(new PlaceOrder(Ids.New(), ticket.Id, null))));

        var winner = Assert.Single(results, r => r.Outcome == OrderPlacementOutcome.Placed);
        Assert.Equal(49, results.Count(r => r.Outcome == OrderPlacementOutcome.TicketReserved));
        var held = (await market.Ticket(ticket.Id).GetAsync())!;
        Assert.Equal((TicketStatus.Reserved, winner.Order!.Id, 1), (held.Status, held.OrderId, held.Version));
    }

    [Fact]
    public async Task HundredTwentyBuyersRacingForFiftySeatsGetExactlyFifty()
    {
        var drop = await market.CreateEventAsync(capacity: 50, FakeClockCluster.UtcNow - TimeSpan.FromMinutes(1));

        var results = await Task.WhenAll(Enumerable.Range(0, 120).Select(_ =>
            market.Order(Ids.New()).PlaceAsync(new PlaceOrder(Ids.New(), null, drop.Id))));

        var placed = results.Where(r => r.Outcome == OrderPlacementOutcome.Placed).Select(r => r.Order!).ToList();
        Assert.Equal(50, placed.Count);
        Assert.Equal(70, results.Count(r => r.Outcome == OrderPlacementOutcome.SoldOut));
        Assert.Equal(
            Enumerable.Range(1, 50).Select(seat => Ids.SeatTicketId(drop.Id, seat)).Order(StringComparer.Ordinal),
            placed.Select(o => o.Ticket.Id).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await market.Event(drop.Id).GetAsync())!.Available);
        var seats = await Task.WhenAll(placed.Select(o => market.Ticket(o.Ticket.Id).GetAsync()));
        Assert.All(placed.Zip(seats), pair => Assert.Equal((TicketStatus.Reserved, pair.First.Id), (pair.Second!.Status, pair.Second.OrderId)));
    }

    [Fact]
    public async Task OneBuyerRacingForSeatsGetsNoMoreThanTheLimit()
    {
        var drop = await market.CreateEventAsync(capacity: 20, FakeClockCluster.UtcNow - TimeSpan.FromMinutes(1), maxPerUser: 2);
        var buyerId = Ids.New();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            market.Order(Ids.New()).PlaceAsync(new PlaceOrder(buyerId, null, drop.Id))));

        Assert.Equal(2, results.Count(r => r.Outcome == OrderPlacementOutcome.Placed));
        Assert.Equal(8, results.Count(r => r.Outcome == OrderPlacementOutcome.LimitReached));
        Assert.Equal(18, (await market.Event(drop.Id).GetAsync())!.Available);
    }

    [Fact]
    public async Task ConcurrentPaymentsOfOneOrderChargeOnce()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"))));

        var paid = Assert.Single(results, r => r.Outcome == PaymentOutcome.Succeeded);
        Assert.All(results.Where(r => r != paid), r => Assert.Equal(PaymentResult.AlreadyPaid(paid.Payment!), r));
        Assert.Equal([paid.Payment!.StripeId], cluster.ChargesKeptFor(order.Id));
    }

    [Fact]
    public async Task CancelRacingPaymentEndsPaidOrCancelledNeverBoth()
    {
        var paidRounds = 0;
        for (var round = 0; round < 20; round++)
        {
            var ticket = await market.ListTicketAsync();
            var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
            // Both grains active before the race, so neither side loses time to an activation.
            await market.Payment(order.Id).GetAsync(order.UserId);

            // Even rounds send the cancel first. Odd rounds send the payment first and hold the cancel back by
            // 0 to 2 round trips to an unrelated grain, since the payment needs one hop more to reach the order.
            Task<OrderCancelResult> cancelling;
            Task<PaymentResult> paying;
            if (round % 2 == 0)
            {
                cancelling = market.Order(order.Id).CancelAsync(order.UserId);
                paying = market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"));
            }
            else
            {
                paying = market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"));
                for (var hop = 0; hop < round / 2 % 3; hop++)
                {
                    await market.Event(Ids.New()).GetAsync();
                }

                cancelling = market.Order(order.Id).CancelAsync(order.UserId);
            }

            await Task.WhenAll(cancelling, paying);
            var (cancel, pay) = (await cancelling, await paying);

            var final = (await market.Order(order.Id).GetAsync(order.UserId))!;
            var sold = await market.Ticket(ticket.Id).GetAsync();
            var kept = cluster.ChargesKeptFor(order.Id);
            if (pay.Outcome == PaymentOutcome.Succeeded)
            {
                paidRounds++;
                // The cancel came while the payment was in flight, or after it completed.
                Assert.Contains(cancel.Outcome, new[] { OrderCancelOutcome.PaymentInProgress, OrderCancelOutcome.Complete });
                Assert.Null(cancel.Order);
                Assert.Equal(OrderStatus.Complete, final.Status);
                Assert.Equal((TicketStatus.Sold, order.Id), (sold!.Status, sold.OrderId));
                Assert.Equal([pay.Payment!.StripeId], kept);
            }
            else
            {
                Assert.Equal(PaymentResult.Refused(PaymentOutcome.OrderCancelled), pay);
                Assert.Equal(OrderCancelResult.Cancelled(final), cancel);
                Assert.Equal((OrderStatus.Cancelled, CancelReason.User), (final.Status, final.CancelReason));
                Assert.Equal(ticket with { Version = 2 }, sold);
                Assert.Empty(kept);
            }
        }

        output.WriteLine($"{paidRounds} of 20 rounds paid, the others cancelled.");
    }
}
