using Ticketing.Events;
using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Orders;
using Ticketing.Payments;
using Ticketing.Tickets;

namespace Ticketing.Grains.Tests;

/// <summary>
/// The order's side of the payment saga, driven step by step as the payment grain (or a crash of it) would,
/// with the clock moved in between.
/// </summary>
[Collection(FakeClockCollection.Name)]
public sealed class PaymentSagaTests(FakeClockCluster cluster)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // OrderOptions.PaymentRecoveryAfter's default.
    private static readonly TimeSpan RecoveryAfter = TimeSpan.FromMinutes(2);

    // The sweep and the payment's answer travel as one-way messages and reminders: real time, a few seconds.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    private readonly Marketplace market = new(cluster);

    [Fact]
    public async Task PaymentInFlightAtExpiryStillCompletesTheOrder()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        var start = await market.Order(order.Id).BeginPaymentAsync(order.UserId);
        FakeClockCluster.Clock.Advance(Window);

        var completed = await market.Order(order.Id).CompletePaymentAsync();

        Assert.Equal(PaymentStart.Proceed(ticket.Price), start);
        Assert.True(completed);
        Assert.Equal(order with { Status = OrderStatus.Complete }, await market.Order(order.Id).GetAsync(order.UserId));
        Assert.Equal(ticket with { Status = TicketStatus.Sold, OrderId = order.Id, Version = 2 }, await market.Ticket(ticket.Id).GetAsync());
    }

    [Fact]
    public async Task PaymentFailingAfterExpiryExpiresTheOrder()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        await market.Order(order.Id).BeginPaymentAsync(order.UserId);
        FakeClockCluster.Clock.Advance(Window);

        await market.Order(order.Id).AbortPaymentAsync();

        // Freed by the abort itself, not by a later read of the order.
        Assert.Equal(ticket with { Version = 2 }, await market.FindListedAsync(ticket.Id));
        Assert.Equal(
            order with { Status = OrderStatus.Cancelled, CancelReason = CancelReason.Expired },
            await market.Order(order.Id).GetAsync(order.UserId));
    }

    [Fact]
    public async Task OrderWhilePaymentIsInFlightRefusesCancelAndASecondPayment()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        await market.Order(order.Id).BeginPaymentAsync(order.UserId);

        var cancel = await market.Order(order.Id).CancelAsync(order.UserId);
        var secondStart = await market.Order(order.Id).BeginPaymentAsync(order.UserId);
        var pay = await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"));

        Assert.Equal(OrderCancelResult.Refused(OrderCancelOutcome.PaymentInProgress), cancel);
        Assert.Equal(PaymentStart.Refused(PaymentStartOutcome.InProgress), secondStart);
        Assert.Equal(PaymentResult.Refused(PaymentOutcome.InProgress), pay);
        Assert.Equal(order with { Status = OrderStatus.AwaitingPayment }, await market.Order(order.Id).GetAsync(order.UserId));
    }

    [Fact]
    public async Task PaymentOfAnOrderWhoseTicketWentToAnotherOrderIsRefused()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        // The hold is lost behind the order's back (as a stale release would), and another buyer takes the ticket.
        await market.Ticket(ticket.Id).ReleaseAsync(order.Id);
        var other = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);

        var paid = await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"));

        Assert.Equal(PaymentResult.Refused(PaymentOutcome.OrderCancelled), paid);
        Assert.Empty(cluster.ChargesKeptFor(order.Id));
        Assert.Equal(OrderStatus.Cancelled, (await market.Order(order.Id).GetAsync(order.UserId))!.Status);
        Assert.Equal(ticket with { Status = TicketStatus.Reserved, OrderId = other.Id, Version = 3 }, await market.Ticket(ticket.Id).GetAsync());
    }

    [Fact]
    public async Task CompletionWithoutAStartedPaymentIsRefused()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);

        var completed = await market.Order(order.Id).CompletePaymentAsync();

        Assert.False(completed);
        Assert.Equal(order, await market.Order(order.Id).GetAsync(order.UserId));
        Assert.Equal(ticket with { Status = TicketStatus.Reserved, OrderId = order.Id, Version = 1 }, await market.Ticket(ticket.Id).GetAsync());
    }

    [Fact]
    public async Task PaymentStuckInFlightIsSettledAndTheOrderCanBePaidAgain()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        // A payment that began and then vanished without recording its attempt (its silo died).
        await market.Order(order.Id).BeginPaymentAsync(order.UserId);
        FakeClockCluster.Clock.Advance(RecoveryAfter);

        var whenStuck = await market.Order(order.Id).GetAsync(order.UserId);
        var settled = await Eventually.UntilAsync(
            () => market.Order(order.Id).GetAsync(order.UserId), o => o!.Status != OrderStatus.AwaitingPayment, Settle);
        var paid = await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"));

        Assert.Equal(OrderStatus.AwaitingPayment, whenStuck!.Status);
        Assert.Equal(order, settled);
        Assert.Equal(PaymentOutcome.Succeeded, paid.Outcome);
    }

    [Fact]
    public async Task PaymentStuckInFlightPastExpiryEndsInAnExpiredOrder()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        await market.Order(order.Id).BeginPaymentAsync(order.UserId);
        FakeClockCluster.Clock.Advance(Window);

        await market.Order(order.Id).GetAsync(order.UserId);
        var settled = await Eventually.UntilAsync(
            () => market.ReadStoredOrderAsync(order.Id), o => o.Status != OrderStatus.AwaitingPayment, Settle);

        Assert.Equal((OrderStatus.Cancelled, CancelReason.Expired), (settled.Status, settled.CancelReason));
        Assert.Equal(ticket with { Version = 2 }, await market.FindListedAsync(ticket.Id));
        Assert.Empty(cluster.ChargesKeptFor(order.Id));
    }

    [Fact]
    public async Task SeatHeldForAnOrderThatWasNeverSavedIsSweptBackToTheEvent()
    {
        // What a placement cut short by a crash leaves behind: an allocated seat and a reserved seat ticket.
        var drop = await market.CreateEventAsync(capacity: 2, FakeClockCluster.UtcNow - TimeSpan.FromMinutes(1));
        var orphanOrderId = Ids.New();
        var allocation = await market.Event(drop.Id).AllocateSeatAsync(
            new AllocateSeat(orphanOrderId, Ids.New(), FakeClockCluster.UtcNow + Window));
        var seatTicketId = Ids.SeatTicketId(drop.Id, allocation.Seat!.Seat);
        await market.Ticket(seatTicketId).ReserveAsync(
            new ReserveTicket(orphanOrderId, Ids.New(), FakeClockCluster.UtcNow + Window, allocation.Seat));
        // Past the hold's expiry and the sweep's 30 s grace.
        FakeClockCluster.Clock.Advance(Window + TimeSpan.FromMinutes(1));

        var swept = await Eventually.UntilAsync(() => market.Event(drop.Id).GetAsync(), e => e!.Available == 2, Settle);

        Assert.Equal(2, swept!.Available);
        Assert.Null(await market.Event(drop.Id).GetSeatOfOrderAsync(orphanOrderId));
        var storedSeat = await market.ReadStoredTicketAsync(seatTicketId);
        Assert.Equal((TicketStatus.Available, null), (storedSeat.Status, storedSeat.Lock));
    }
}
