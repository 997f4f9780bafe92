using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Orders;
using Ticketing.Payments;
using Ticketing.Tickets;
using Xunit.Abstractions;

namespace Ticketing.Grains.Tests;

/// <summary>
/// Real time, a two-second reservation window: orders expire through their own timer and reminder. These tests
/// watch what the expiry updates (the ticket listing, the event's counters, the stored order, the reminder
/// table) and never call the order or its ticket before it expired, since any such call would expire it lazily.
/// </summary>
[Collection(ShortWindowCollection.Name)]
public sealed class ShortWindowTests(ShortWindowCluster cluster, ITestOutputHelper output)
{
    // The contract: an untouched unpaid order is cancelled and its ticket free within 2 s of expiresAt.
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(2);

    // Leeway for a two-core machine that others build on at the same time.
    private static readonly TimeSpan Leeway = TimeSpan.FromSeconds(1);

    private readonly Marketplace market = new(cluster);

    [Fact]
    public async Task UnpaidTicketOrderExpiresOnItsOwnAndReturnsTheTicketToTheListing()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        var deadline = order.ExpiresAt + Promised + Leeway;

        var listed = await Eventually.ByAsync(deadline, () => market.FindListedAsync(ticket.Id), t => t is not null);
        var stored = await Eventually.ByAsync(deadline, () => market.ReadStoredOrderAsync(order.Id), o => o.Status == OrderStatus.Cancelled);

        Assert.Equal(ticket with { Version = 2 }, listed);
        Assert.Equal((OrderStatus.Cancelled, CancelReason.Expired), (stored.Status, stored.CancelReason));
        await AssertNoRemindersLeftAsync(order);
    }

    [Fact]
    public async Task UnpaidEventOrdersExpireOnTheirOwnAndReturnEverySeat()
    {
        var drop = await market.CreateEventAsync(capacity: 20, DateTime.UtcNow - TimeSpan.FromMinutes(1));
        var orders = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => market.PlaceAsync(Ids.New(), eventId: drop.Id)));
        var deadline = orders.Max(o => o.ExpiresAt) + Promised + Leeway;

        var after = await Eventually.ByAsync(deadline, () => market.Event(drop.Id).GetAsync(), e => e!.Available == 20);
        var stored = await Task.WhenAll(orders.Select(order =>
            Eventually.ByAsync(deadline, () => market.ReadStoredOrderAsync(order.Id), o => o.Status == OrderStatus.Cancelled)));

        Assert.Equal(20, orders.Select(o => o.Ticket.Id).Distinct().Count());
        Assert.Equal(20, after!.Available);
        Assert.All(stored, o => Assert.Equal((OrderStatus.Cancelled, CancelReason.Expired), (o.Status, o.CancelReason)));
        foreach (var order in orders)
        {
            await AssertNoRemindersLeftAsync(order);
        }
    }

    [Fact]
    public async Task ReminderExpiresAnOrderWhoseActivationWasDeactivated()
    {
        var drop = await market.CreateEventAsync(capacity: 3, DateTime.UtcNow - TimeSpan.FromMinutes(1));
        var order = await market.PlaceAsync(Ids.New(), eventId: drop.Id);
        var orderGrainId = market.Order(order.Id).GetGrainId();
        var management = market.Grains.GetGrain<IManagementGrain>(0);
        var deadline = order.ExpiresAt + Promised + Leeway;

        await management.DeactivateGrain(orderGrainId);
        var deactivatedAt = DateTime.UtcNow;
        var activeAfterDeactivation = await management.GetActiveGrains(orderGrainId.Type);
        var after = await Eventually.ByAsync(deadline, () => market.Event(drop.Id).GetAsync(), e => e!.Available == 3);
        var stored = await Eventually.ByAsync(deadline, () => market.ReadStoredOrderAsync(order.Id), o => o.Status == OrderStatus.Cancelled);

        // Deactivation took the order's timer with it: only a reminder can bring the order back.
        Assert.True(deactivatedAt < order.ExpiresAt, "The order was deactivated only after it was due.");
        Assert.DoesNotContain(orderGrainId, activeAfterDeactivation);
        Assert.Equal(3, after!.Available);
        Assert.Equal((OrderStatus.Cancelled, CancelReason.Expired), (stored.Status, stored.CancelReason));
        await AssertNoRemindersLeftAsync(order);
    }

    [Fact]
    public async Task PaymentAroundTheExpiryEitherCompletesOrFindsTheOrderExpired()
    {
        // Orders paid at staggered moments from just before to just after their expiry, all at once.
        var offsets = Enumerable.Range(-4, 9).Select(i => TimeSpan.FromMilliseconds(i * 75)).ToList();

        var outcomes = await Task.WhenAll(offsets.Select(PayAroundExpiryAsync));

        output.WriteLine(string.Join(", ", offsets.Zip(outcomes, (o, r) => $"{o.TotalMilliseconds:+0;-0} ms: {r.Paid.Outcome}")));
        foreach (var (paid, order, final, ticketNow, listed, kept) in outcomes)
        {
            if (paid.Outcome == PaymentOutcome.Succeeded)
            {
                Assert.Equal(OrderStatus.Complete, final.Status);
                Assert.Equal((TicketStatus.Sold, order.Id), (ticketNow.Status, ticketNow.OrderId));
                Assert.Null(listed);
                Assert.Equal([paid.Payment!.StripeId], kept);
            }
            else
            {
                Assert.Equal(PaymentResult.Refused(PaymentOutcome.OrderCancelled), paid);
                Assert.Equal((OrderStatus.Cancelled, CancelReason.Expired), (final.Status, final.CancelReason));
                Assert.Equal((TicketStatus.Available, null), (ticketNow.Status, ticketNow.OrderId));
                Assert.NotNull(listed);
                Assert.Empty(kept);
            }
        }
    }

    private async Task<(PaymentResult Paid, OrderView Order, OrderView Final, TicketView Ticket, TicketView? Listed, IReadOnlyList<string> Kept)>
        PayAroundExpiryAsync(TimeSpan offset)
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        await Eventually.AtAsync(order.ExpiresAt + offset);

        var paid = await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"));

        // The listing first: reading the ticket could itself free an expired hold and hide a hold left behind.
        var listed = await market.FindListedAsync(ticket.Id);
        var final = (await market.Order(order.Id).GetAsync(order.UserId))!;
        var ticketNow = (await market.Ticket(ticket.Id).GetAsync())!;
        return (paid, order, final, ticketNow, listed, cluster.ChargesKeptFor(order.Id));
    }

    private async Task AssertNoRemindersLeftAsync(OrderView order)
    {
        // A closed order and its freed ticket unregister their reminders, right after releasing the hold.
        var deadline = DateTime.UtcNow + Leeway;
        var orderReminder = await Eventually.ByAsync(
            deadline, () => market.ReadReminderAsync(market.Order(order.Id), "order-expiry"), r => r is null);
        var holdReminder = await Eventually.ByAsync(
            deadline, () => market.ReadReminderAsync(market.Ticket(order.Ticket.Id), "hold-expiry"), r => r is null);
        Assert.Null(orderReminder);
        Assert.Null(holdReminder);
    }
}
