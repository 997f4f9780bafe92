using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Orders;
using Ticketing.Payments;
using Ticketing.Tickets;

namespace Ticketing.Grains.Tests;

[Collection(FakeClockCollection.Name)]
public sealed class PaymentGrainTests(FakeClockCluster cluster)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly Marketplace market = new(cluster);

    [Fact]
    public async Task VisaPaymentCompletesTheOrderAndSellsTheTicket()
    {
        var ticket = await market.ListTicketAsync(price: 42.50m);
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);

        var result = await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"));

        Assert.Equal(PaymentOutcome.Succeeded, result.Outcome);
        var payment = result.Payment!;
        Assert.Equal((order.Id, 42.50m, "usd", PaymentStatus.Succeeded), (payment.OrderId, payment.Amount, payment.Currency, payment.Status));
        Assert.StartsWith("pi_test_", payment.StripeId, StringComparison.Ordinal);
        Assert.Equal([payment.StripeId], cluster.ChargesKeptFor(order.Id));
        Assert.Equal(OrderStatus.Complete, (await market.Order(order.Id).GetAsync(order.UserId))!.Status);
        Assert.Equal(ticket with { Status = TicketStatus.Sold, OrderId = order.Id, Version = 2 }, await market.Ticket(ticket.Id).GetAsync());
        Assert.Null(await market.FindListedAsync(ticket.Id));
        Assert.Equal(payment, await market.Payment(order.Id).GetAsync(order.UserId));
        Assert.Null(await market.Payment(order.Id).GetAsync(Ids.New()));
    }

    [Fact]
    public async Task PayingAgainReturnsAlreadyPaidWithTheSamePayment()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        var first = await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"));

        var again = await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_mastercard"));

        Assert.Equal(PaymentResult.AlreadyPaid(first.Payment!), again);
        Assert.Single(cluster.ChargesKeptFor(order.Id));
    }

    [Fact]
    public async Task DeclinedCardLeavesTheOrderOpenForAnotherCard()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);

        var declined = await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_chargeDeclined"));
        var afterDecline = await market.Order(order.Id).GetAsync(order.UserId);
        var paid = await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"));

        Assert.Equal(PaymentResult.Refused(PaymentOutcome.Declined, "Your card was declined."), declined);
        Assert.Equal(order, afterDecline);
        Assert.Equal(PaymentOutcome.Succeeded, paid.Outcome);
        Assert.Equal(OrderStatus.Complete, (await market.Order(order.Id).GetAsync(order.UserId))!.Status);
        Assert.Equal([paid.Payment!.StripeId], cluster.ChargesKeptFor(order.Id));
    }

    [Fact]
    public async Task DeclinedPaymentDoesNotKeepTheHoldPastItsExpiry()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_chargeDeclined"));
        FakeClockCluster.Clock.Advance(Window);

        var seen = await market.Ticket(ticket.Id).GetAsync();

        Assert.Equal(ticket with { Version = 2 }, seen);
    }

    [Fact]
    public async Task UnknownTokenIsRefusedAsInvalidToken()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);

        var result = await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_nonsense"));

        Assert.Equal(PaymentResult.Refused(PaymentOutcome.InvalidToken, "No such payment method or token: 'tok_nonsense'."), result);
        Assert.Equal(order, await market.Order(order.Id).GetAsync(order.UserId));
        Assert.Empty(cluster.ChargesKeptFor(order.Id));
    }

    [Fact]
    public async Task PayingSomeoneElsesOrderIsOrderNotFound()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);

        var result = await market.Payment(order.Id).PayAsync(new PayOrder(Ids.New(), "tok_visa"));

        Assert.Equal(PaymentResult.Refused(PaymentOutcome.OrderNotFound), result);
        Assert.Equal(order, await market.Order(order.Id).GetAsync(order.UserId));
        Assert.Empty(cluster.ChargesKeptFor(order.Id));
    }

    [Fact]
    public async Task PayingSomeoneElsesPaidOrderIsOrderNotFound()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"));

        var result = await market.Payment(order.Id).PayAsync(new PayOrder(Ids.New(), "tok_visa"));

        Assert.Equal(PaymentResult.Refused(PaymentOutcome.OrderNotFound), result);
    }

    [Fact]
    public async Task PayingACancelledOrderIsOrderCancelled()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        await market.Order(order.Id).CancelAsync(order.UserId);

        var result = await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"));

        Assert.Equal(PaymentResult.Refused(PaymentOutcome.OrderCancelled), result);
        Assert.Empty(cluster.ChargesKeptFor(order.Id));
        Assert.Null(await market.Payment(order.Id).GetAsync(order.UserId));
        Assert.Equal(ticket with { Version = 2 }, await market.Ticket(ticket.Id).GetAsync());
    }

    [Fact]
    public async Task PayingAnExpiredOrderIsOrderCancelled()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        FakeClockCluster.Clock.Advance(Window);

        var result = await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"));

        Assert.Equal(PaymentResult.Refused(PaymentOutcome.OrderCancelled), result);
        Assert.Empty(cluster.ChargesKeptFor(order.Id));
        Assert.Equal(
            order with { Status = OrderStatus.Cancelled, CancelReason = CancelReason.Expired },
            await market.Order(order.Id).GetAsync(order.UserId));
    }

    [Fact]
    public async Task PaidEventOrderMarksItsSeatSold()
    {
        var drop = await market.CreateEventAsync(capacity: 3, FakeClockCluster.UtcNow - TimeSpan.FromMinutes(1), price: 25m);
        var order = await market.PlaceAsync(Ids.New(), eventId: drop.Id);

        var result = await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"));

        Assert.Equal((PaymentOutcome.Succeeded, 25m), (result.Outcome, result.Payment!.Amount));
        var after = (await market.Event(drop.Id).GetAsync())!;
        Assert.Equal((2, 1), (after.Available, after.Sold));
        var seat = (await market.Ticket(order.Ticket.Id).GetAsync())!;
        Assert.Equal((TicketStatus.Sold, order.Id), (seat.Status, seat.OrderId));
    }

    [Fact]
    public async Task PaidOrderCanNeitherBeCancelledNorExpire()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        await market.Payment(order.Id).PayAsync(new PayOrder(order.UserId, "tok_visa"));

        var cancel = await market.Order(order.Id).CancelAsync(order.UserId);
        FakeClockCluster.Clock.Advance(Window);
        var later = await market.Order(order.Id).GetAsync(order.UserId);

        Assert.Equal(OrderCancelResult.Refused(OrderCancelOutcome.Complete), cancel);
        Assert.Equal(order with { Status = OrderStatus.Complete }, later);
        Assert.Equal(ticket with { Status = TicketStatus.Sold, OrderId = order.Id, Version = 2 }, await market.Ticket(ticket.Id).GetAsync());
        Assert.Null(await market.ReadReminderAsync(market.Order(order.Id), "order-expiry"));
        Assert.Null(await market.ReadReminderAsync(market.Ticket(ticket.Id), "hold-expiry"));
    }
}
