using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Orders;
using Ticketing.Tickets;

namespace Ticketing.Grains.Tests;

[Collection(FakeClockCollection.Name)]
public sealed class OrderGrainTests(FakeClockCluster cluster)
{
    // OrderOptions.ReservationWindow's default; the fake-clock cluster does not override it.
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly Marketplace market = new(cluster);

    private static DateTime OnSaleSinceAMinute => FakeClockCluster.UtcNow - TimeSpan.FromMinutes(1);

    [Fact]
    public async Task OrderOnATicketHoldsItUntilNowPlusTheWindow()
    {
        var ticket = await market.ListTicketAsync();
        var buyerId = Ids.New();
        var orderId = Ids.New();

        var placed = await market.Order(orderId).PlaceAsync(new PlaceOrder(buyerId, ticket.Id, null));

        var expected = new OrderView(
            orderId, buyerId, OrderStatus.Created, FakeClockCluster.UtcNow + Window, new OrderTicket(ticket.Id, ticket.Title, ticket.Price),
            EventId: null, CancelReason: null, CreatedAt: FakeClockCluster.UtcNow);
        Assert.Equal(OrderPlacementResult.Placed(expected), placed);
        Assert.Equal(expected, await market.Order(orderId).GetAsync(buyerId));
        Assert.Equal(ticket with { Status = TicketStatus.Reserved, OrderId = orderId, Version = 1 }, await market.Ticket(ticket.Id).GetAsync());
        Assert.Null(await market.FindListedAsync(ticket.Id));
    }

    [Fact]
    public async Task OrderOnAnEventHoldsASeatTicketOfThatEvent()
    {
        var drop = await market.CreateEventAsync(capacity: 5, OnSaleSinceAMinute, price: 25m);
        var buyerId = Ids.New();

        var order = await market.PlaceAsync(buyerId, eventId: drop.Id);

        var seatTicketId = Ids.SeatTicketId(drop.Id, 1);
        Assert.Equal(new OrderTicket(seatTicketId, drop.Title, 25m), order.Ticket);
        Assert.Equal((OrderStatus.Created, drop.Id, FakeClockCluster.UtcNow + Window), (order.Status, order.EventId, order.ExpiresAt));
        var seat = await market.Ticket(seatTicketId).GetAsync();
        Assert.Equal((TicketStatus.Reserved, order.Id, drop.Id, drop.UserId), (seat!.Status, seat.OrderId, seat.EventId, seat.UserId));
        Assert.Equal(4, (await market.Event(drop.Id).GetAsync())!.Available);
        Assert.Equal(1, await market.Event(drop.Id).GetSeatOfOrderAsync(order.Id));
    }

    [Fact]
    public async Task PlacedOrderIsIndexedUnderItsBuyer()
    {
        var ticket = await market.ListTicketAsync();
        var buyerId = Ids.New();

        var order = await market.PlaceAsync(buyerId, ticketId: ticket.Id);

        var page = await market.Grains.GetGrain<IUserOrdersGrain>(buyerId).ListAsync(null, 10);
        Assert.Equal([new IndexPosition(order.CreatedAt, order.Id)], page.Items);
    }

    [Fact]
    public async Task OrderOnOwnTicketIsRefusedAsOwnTicket()
    {
        var ticket = await market.ListTicketAsync();

        var result = await market.Order(Ids.New()).PlaceAsync(new PlaceOrder(ticket.UserId, ticket.Id, null));

        Assert.Equal(OrderPlacementResult.Refused(OrderPlacementOutcome.OwnTicket), result);
    }

    [Fact]
    public async Task OrderOnAnUnknownTicketOrEventIsRefused()
    {
        var noTicket = await market.Order(Ids.New()).PlaceAsync(new PlaceOrder(Ids.New(), Ids.New(), null));
        var noEvent = await market.Order(Ids.New()).PlaceAsync(new PlaceOrder(Ids.New(), null, Ids.New()));

        Assert.Equal(OrderPlacementResult.Refused(OrderPlacementOutcome.TicketNotFound), noTicket);
        Assert.Equal(OrderPlacementResult.Refused(OrderPlacementOutcome.EventNotFound), noEvent);
    }

    [Fact]
    public async Task EventOrderIsRefusedBeforeTheSaleAndForTheOrganizer()
    {
        var organizerId = Ids.New();
        var drop = await market.CreateEventAsync(capacity: 5, FakeClockCluster.UtcNow + TimeSpan.FromHours(1), organizerId: organizerId);

        var early = await market.Order(Ids.New()).PlaceAsync(new PlaceOrder(Ids.New(), null, drop.Id));
        var organizer = await market.Order(Ids.New()).PlaceAsync(new PlaceOrder(organizerId, null, drop.Id));

        Assert.Equal(OrderPlacementResult.Refused(OrderPlacementOutcome.NotOnSale), early);
        Assert.Equal(OrderPlacementResult.Refused(OrderPlacementOutcome.OwnTicket), organizer);
        Assert.Equal(5, (await market.Event(drop.Id).GetAsync())!.Available);
    }

    [Fact]
    public async Task SeatOfAnEventCannotBeOrderedAsAStandAloneTicket()
    {
        var drop = await market.CreateEventAsync(capacity: 5, OnSaleSinceAMinute);

        var result = await market.Order(Ids.New()).PlaceAsync(new PlaceOrder(Ids.New(), Ids.SeatTicketId(drop.Id, 1), null));

        Assert.Equal(OrderPlacementResult.Refused(OrderPlacementOutcome.EventTicket), result);
        Assert.Equal(5, (await market.Event(drop.Id).GetAsync())!.Available);
    }

    [Fact]
    public async Task OrderIsInvisibleToAnotherUser()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        var strangerId = Ids.New();

        var seen = await market.Order(order.Id).GetAsync(strangerId);
        var cancelled = await market.Order(order.Id).CancelAsync(strangerId);
        var payment = await market.Order(order.Id).BeginPaymentAsync(strangerId);

        Assert.Null(seen);
        Assert.Equal(OrderCancelResult.Refused(OrderCancelOutcome.NotFound), cancelled);
        Assert.Equal(PaymentStart.Refused(PaymentStartOutcome.NotFound), payment);
        Assert.Equal(order, await market.Order(order.Id).GetAsync(order.UserId));
    }

    [Fact]
    public async Task CancelledOrderFreesItsTicket()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);

        var result = await market.Order(order.Id).CancelAsync(order.UserId);

        Assert.Equal(OrderCancelResult.Cancelled(order with { Status = OrderStatus.Cancelled, CancelReason = CancelReason.User }), result);
        Assert.Equal(ticket with { Version = 2 }, await market.FindListedAsync(ticket.Id));
        Assert.Equal(ticket with { Version = 2 }, await market.Ticket(ticket.Id).GetAsync());
    }

    [Fact]
    public async Task CancelledEventOrderReturnsItsSeat()
    {
        var drop = await market.CreateEventAsync(capacity: 2, OnSaleSinceAMinute);
        var order = await market.PlaceAsync(Ids.New(), eventId: drop.Id);

        await market.Order(order.Id).CancelAsync(order.UserId);

        Assert.Equal(2, (await market.Event(drop.Id).GetAsync())!.Available);
        Assert.Null(await market.Event(drop.Id).GetSeatOfOrderAsync(order.Id));
        Assert.Equal(TicketStatus.Available, (await market.Ticket(order.Ticket.Id).GetAsync())!.Status);
    }

    [Fact]
    public async Task CancellingTwiceReturnsTheSameResult()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);

        var first = await market.Order(order.Id).CancelAsync(order.UserId);
        var second = await market.Order(order.Id).CancelAsync(order.UserId);

        Assert.Equal(first, second);
        Assert.Equal(ticket with { Version = 2 }, await market.Ticket(ticket.Id).GetAsync());
    }

    [Fact]
    public async Task OrderPastItsExpiryReadsAsExpiredAndFreesItsTicket()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        FakeClockCluster.Clock.Advance(Window);

        var seen = await market.Order(order.Id).GetAsync(order.UserId);

        Assert.Equal(order with { Status = OrderStatus.Cancelled, CancelReason = CancelReason.Expired }, seen);
        // The listing changes only when the ticket itself changes: the order released it, nobody read the ticket.
        Assert.Equal(ticket with { Version = 2 }, await market.FindListedAsync(ticket.Id));
    }

    [Fact]
    public async Task OrderIsNotExpiredJustBeforeItsExpiry()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        FakeClockCluster.Clock.Advance(Window - TimeSpan.FromTicks(1));

        var seen = await market.Order(order.Id).GetAsync(order.UserId);

        Assert.Equal(order, seen);
        Assert.Null(await market.FindListedAsync(ticket.Id));
    }

    [Fact]
    public async Task ExpiredEventOrderReturnsItsSeatToTheNextBuyer()
    {
        var drop = await market.CreateEventAsync(capacity: 1, OnSaleSinceAMinute);
        var order = await market.PlaceAsync(Ids.New(), eventId: drop.Id);
        FakeClockCluster.Clock.Advance(Window);

        var seen = await market.Order(order.Id).GetAsync(order.UserId);
        var availableAfterExpiry = (await market.Event(drop.Id).GetAsync())!.Available;
        var next = await market.PlaceAsync(Ids.New(), eventId: drop.Id);

        Assert.Equal((OrderStatus.Cancelled, CancelReason.Expired), (seen!.Status, seen.CancelReason));
        Assert.Equal(1, availableAfterExpiry);
        Assert.Equal(order.Ticket.Id, next.Ticket.Id);
    }

    [Fact]
    public async Task ReadingTheSeatOfAnExpiredOrderReturnsTheSeatToItsEvent()
    {
        var drop = await market.CreateEventAsync(capacity: 2, OnSaleSinceAMinute);
        var order = await market.PlaceAsync(Ids.New(), eventId: drop.Id);
        FakeClockCluster.Clock.Advance(Window);

        var seat = await market.Ticket(order.Ticket.Id).GetAsync();
        var available = (await market.Event(drop.Id).GetAsync())!.Available;

        Assert.Equal((TicketStatus.Available, null, 2), (seat!.Status, seat.OrderId, seat.Version));
        Assert.Equal(2, available);
    }

    [Fact]
    public async Task ExpiredOrderDoesNotTakeTheTicketFromItsNextBuyer()
    {
        var ticket = await market.ListTicketAsync();
        var first = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        FakeClockCluster.Clock.Advance(Window);
        var second = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);

        var firstSeen = await market.Order(first.Id).GetAsync(first.UserId);

        Assert.Equal((OrderStatus.Cancelled, CancelReason.Expired), (firstSeen!.Status, firstSeen.CancelReason));
        Assert.Equal(
            ticket with { Status = TicketStatus.Reserved, OrderId = second.Id, Version = 3 },
            await market.Ticket(ticket.Id).GetAsync());
        Assert.Equal(second, await market.Order(second.Id).GetAsync(second.UserId));
    }

    [Fact]
    public async Task ExpiredOrderCannotStartPayment()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        FakeClockCluster.Clock.Advance(Window);

        var start = await market.Order(order.Id).BeginPaymentAsync(order.UserId);

        Assert.Equal(PaymentStart.Refused(PaymentStartOutcome.Cancelled), start);
        Assert.Equal(
            order with { Status = OrderStatus.Cancelled, CancelReason = CancelReason.Expired },
            await market.Order(order.Id).GetAsync(order.UserId));
    }

    [Fact]
    public async Task ExpiredOrderCannotBeCancelledByItsBuyer()
    {
        var ticket = await market.ListTicketAsync();
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);
        FakeClockCluster.Clock.Advance(Window);

        var result = await market.Order(order.Id).CancelAsync(order.UserId);

        Assert.Equal(OrderCancelResult.Cancelled(order with { Status = OrderStatus.Cancelled, CancelReason = CancelReason.Expired }), result);
    }

    [Fact]
    public async Task OpenOrderKeepsAnExpiryReminderUntilItCloses()
    {
        var ticket = await market.ListTicketAsync();
        var placedFrom = DateTime.UtcNow;
        var order = await market.PlaceAsync(Ids.New(), ticketId: ticket.Id);

        // The reminder is registered right after the order is answered, not before (see DurableDeadline.ArmInBackground),
        // so it is due a window (plus a half-second margin) after a moment between placing and seeing it.
        var whileOpen = await Eventually.UntilAsync(
            () => market.ReadReminderAsync(market.Order(order.Id), "order-expiry"), r => r is not null, TimeSpan.FromSeconds(5));
        var placedBy = DateTime.UtcNow;
        await market.Order(order.Id).CancelAsync(order.UserId);
        var afterCancel = await market.ReadReminderAsync(market.Order(order.Id), "order-expiry");

        // Reminders run on real time: first due one window (plus DurableDeadline's half-second margin) from placing.
        Assert.NotNull(whileOpen);
        Assert.Equal(TicketingTestSilo.MinimumReminderPeriod, whileOpen.Period);
        var margin = TimeSpan.FromMilliseconds(500);
        Assert.InRange(whileOpen.StartAt, placedFrom + Window + margin, placedBy + Window + margin);
        Assert.Null(afterCancel);
    }

    [Fact]
    public async Task PlacingAgainWithTheSameOrderIdReturnsTheExistingOrder()
    {
        var ticket = await market.ListTicketAsync();
        var buyerId = Ids.New();
        var orderId = Ids.New();
        var first = await market.Order(orderId).PlaceAsync(new PlaceOrder(buyerId, ticket.Id, null));

        var retry = await market.Order(orderId).PlaceAsync(new PlaceOrder(buyerId, ticket.Id, null));
        var stranger = await market.Order(orderId).PlaceAsync(new PlaceOrder(Ids.New(), ticket.Id, null));

        Assert.Equal(first, retry);
        Assert.Equal(OrderPlacementResult.Refused(OrderPlacementOutcome.TicketReserved), stranger);
    }
}
