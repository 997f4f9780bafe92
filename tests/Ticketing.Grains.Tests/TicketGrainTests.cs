using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Tickets;

namespace Ticketing.Grains.Tests;

[Collection(FakeClockCollection.Name)]
public sealed class TicketGrainTests(FakeClockCluster cluster)
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(15);

    private readonly Marketplace market = new(cluster);

    [Fact]
    public async Task CreatedTicketIsListedAsAvailableAtVersionZero()
    {
        var sellerId = Ids.New();
        var ticketId = Ids.New();

        var created = await market.Ticket(ticketId).CreateAsync(new CreateTicket("Front row", 42.50m, sellerId));

        var expected = new TicketView(
            ticketId, "Front row", 42.50m, sellerId, OrderId: null, EventId: null, TicketStatus.Available, Version: 0,
            CreatedAt: FakeClockCluster.UtcNow);
        Assert.Equal(expected, created);
        Assert.Equal(expected, await market.Ticket(ticketId).GetAsync());
        Assert.Equal(expected, await market.FindListedAsync(ticketId));
    }

    [Fact]
    public async Task ReservingAgainForTheSameOrderReturnsTheSameHold()
    {
        var ticket = await market.ListTicketAsync();
        var reserve = new ReserveTicket(Ids.New(), Ids.New(), FakeClockCluster.UtcNow + Hold, Seat: null);

        var first = await market.Ticket(ticket.Id).ReserveAsync(reserve);
        var second = await market.Ticket(ticket.Id).ReserveAsync(reserve);

        Assert.Equal(TicketReserveOutcome.Reserved, first.Outcome);
        Assert.Equal(first, second);
        Assert.Equal(ticket with { Status = TicketStatus.Reserved, OrderId = reserve.OrderId, Version = 1 }, second.Ticket);
        Assert.Null(await market.FindListedAsync(ticket.Id));
    }

    [Fact]
    public async Task SecondOrderForAHeldTicketGetsAlreadyHeld()
    {
        var ticket = await market.ListTicketAsync();
        var firstOrderId = Ids.New();
        await market.Ticket(ticket.Id).ReserveAsync(new ReserveTicket(firstOrderId, Ids.New(), FakeClockCluster.UtcNow + Hold, null));

        var second = await market.Ticket(ticket.Id).ReserveAsync(new ReserveTicket(Ids.New(), Ids.New(), FakeClockCluster.UtcNow + Hold, null));

        Assert.Equal(TicketReserveResult.AlreadyHeld, second);
        Assert.Equal(firstOrderId, (await market.Ticket(ticket.Id).GetAsync())!.OrderId);
    }

    [Fact]
    public async Task SellerReservingOwnTicketGetsOwnTicket()
    {
        var ticket = await market.ListTicketAsync();

        var result = await market.Ticket(ticket.Id).ReserveAsync(new ReserveTicket(Ids.New(), ticket.UserId, FakeClockCluster.UtcNow + Hold, null));

        Assert.Equal(TicketReserveResult.OwnTicket, result);
        Assert.Equal(ticket, await market.Ticket(ticket.Id).GetAsync());
    }

    [Fact]
    public async Task ReservingAnUnknownTicketGetsNotFound()
    {
        var result = await market.Ticket(Ids.New()).ReserveAsync(new ReserveTicket(Ids.New(), Ids.New(), FakeClockCluster.UtcNow + Hold, null));

        Assert.Equal(TicketReserveResult.NotFound, result);
    }

    [Fact]
    public async Task UpdateBySomeoneOtherThanTheSellerGetsNotOwner()
    {
        var ticket = await market.ListTicketAsync();

        var result = await market.Ticket(ticket.Id).UpdateAsync(new UpdateTicket("Mine now", 1m, Ids.New()));

        Assert.Equal(TicketUpdateResult.NotOwner, result);
        Assert.Equal(ticket, await market.Ticket(ticket.Id).GetAsync());
    }

    [Fact]
    public async Task UpdateWhileReservedGetsReserved()
    {
        var ticket = await market.ListTicketAsync();
        await market.Ticket(ticket.Id).ReserveAsync(new ReserveTicket(Ids.New(), Ids.New(), FakeClockCluster.UtcNow + Hold, null));

        var result = await market.Ticket(ticket.Id).UpdateAsync(new UpdateTicket("Cheaper", 10m, ticket.UserId));

        Assert.Equal(TicketUpdateResult.Reserved, result);
        var now = (await market.Ticket(ticket.Id).GetAsync())!;
        Assert.Equal((ticket.Title, ticket.Price, 1), (now.Title, now.Price, now.Version));
    }

    [Fact]
    public async Task UpdateBySellerBumpsTheVersionAndRefreshesTheListing()
    {
        var ticket = await market.ListTicketAsync();

        var result = await market.Ticket(ticket.Id).UpdateAsync(new UpdateTicket("Balcony", 30m, ticket.UserId));

        var expected = ticket with { Title = "Balcony", Price = 30m, Version = 1 };
        Assert.Equal(TicketUpdateResult.Updated(expected), result);
        Assert.Equal(expected, await market.FindListedAsync(ticket.Id));
    }

    [Fact]
    public async Task HoldIsKeptUntilTheMomentItExpires()
    {
        var ticket = await market.ListTicketAsync();
        var orderId = Ids.New();
        await market.Ticket(ticket.Id).ReserveAsync(new ReserveTicket(orderId, Ids.New(), FakeClockCluster.UtcNow + Hold, null));

        FakeClockCluster.Clock.Advance(Hold - TimeSpan.FromTicks(1));
        var view = await market.Ticket(ticket.Id).GetAsync();

        Assert.Equal((TicketStatus.Reserved, orderId, 1), (view!.Status, view.OrderId, view.Version));
    }

    [Fact]
    public async Task ExpiredHoldReadsAsAvailableAndCanBeReservedByANewOrder()
    {
        var ticket = await market.ListTicketAsync();
        await market.Ticket(ticket.Id).ReserveAsync(new ReserveTicket(Ids.New(), Ids.New(), FakeClockCluster.UtcNow + Hold, null));
        FakeClockCluster.Clock.Advance(Hold);

        var expired = await market.Ticket(ticket.Id).GetAsync();
        var listed = await market.FindListedAsync(ticket.Id);
        var newOrderId = Ids.New();
        var reserved = await market.Ticket(ticket.Id).ReserveAsync(new ReserveTicket(newOrderId, Ids.New(), FakeClockCluster.UtcNow + Hold, null));

        Assert.Equal(ticket with { Version = 2 }, expired);
        Assert.Equal(ticket with { Version = 2 }, listed);
        Assert.Equal(TicketReserveOutcome.Reserved, reserved.Outcome);
        Assert.Equal(ticket with { Status = TicketStatus.Reserved, OrderId = newOrderId, Version = 3 }, reserved.Ticket);
    }

    [Fact]
    public async Task ReleaseByAnotherOrderLeavesTheHoldInPlace()
    {
        var ticket = await market.ListTicketAsync();
        var orderId = Ids.New();
        await market.Ticket(ticket.Id).ReserveAsync(new ReserveTicket(orderId, Ids.New(), FakeClockCluster.UtcNow + Hold, null));

        await market.Ticket(ticket.Id).ReleaseAsync(Ids.New());

        Assert.Equal(ticket with { Status = TicketStatus.Reserved, OrderId = orderId, Version = 1 }, await market.Ticket(ticket.Id).GetAsync());
        Assert.Null(await market.FindListedAsync(ticket.Id));
    }

    [Fact]
    public async Task ReleaseByTheHoldingOrderMakesTheTicketAvailableAgain()
    {
        var ticket = await market.ListTicketAsync();
        var orderId = Ids.New();
        await market.Ticket(ticket.Id).ReserveAsync(new ReserveTicket(orderId, Ids.New(), FakeClockCluster.UtcNow + Hold, null));

        await market.Ticket(ticket.Id).ReleaseAsync(orderId);

        Assert.Equal(ticket with { Version = 2 }, await market.Ticket(ticket.Id).GetAsync());
        Assert.Equal(ticket with { Version = 2 }, await market.FindListedAsync(ticket.Id));
    }

    [Fact]
    public async Task UpdateOfASoldTicketGetsReserved()
    {
        var ticket = await market.ListTicketAsync();
        var orderId = Ids.New();
        await market.Ticket(ticket.Id).ReserveAsync(new ReserveTicket(orderId, Ids.New(), FakeClockCluster.UtcNow + Hold, null));
        await market.Ticket(ticket.Id).BeginPaymentAsync(orderId);
        await market.Ticket(ticket.Id).SellAsync(orderId);

        var result = await market.Ticket(ticket.Id).UpdateAsync(new UpdateTicket("Cheaper", 10m, ticket.UserId));

        Assert.Equal(TicketUpdateResult.Reserved, result);
        Assert.Equal(ticket with { Status = TicketStatus.Sold, OrderId = orderId, Version = 2 }, await market.Ticket(ticket.Id).GetAsync());
    }

    [Fact]
    public async Task SoldTicketStaysSoldWhenItsOrderReleasesIt()
    {
        var ticket = await market.ListTicketAsync();
        var orderId = Ids.New();
        await market.Ticket(ticket.Id).ReserveAsync(new ReserveTicket(orderId, Ids.New(), FakeClockCluster.UtcNow + Hold, null));
        await market.Ticket(ticket.Id).BeginPaymentAsync(orderId);
        await market.Ticket(ticket.Id).SellAsync(orderId);

        await market.Ticket(ticket.Id).ReleaseAsync(orderId);

        Assert.Equal(ticket with { Status = TicketStatus.Sold, OrderId = orderId, Version = 2 }, await market.Ticket(ticket.Id).GetAsync());
        Assert.Null(await market.FindListedAsync(ticket.Id));
    }

    [Fact]
    public async Task HoldBeingPaidForDoesNotExpireByTimeAlone()
    {
        var ticket = await market.ListTicketAsync();
        var orderId = Ids.New();
        await market.Ticket(ticket.Id).ReserveAsync(new ReserveTicket(orderId, Ids.New(), FakeClockCluster.UtcNow + Hold, null));
        await market.Ticket(ticket.Id).BeginPaymentAsync(orderId);
        FakeClockCluster.Clock.Advance(Hold);

        var whilePaying = await market.Ticket(ticket.Id).GetAsync();
        var sold = await market.Ticket(ticket.Id).SellAsync(orderId);

        Assert.Equal(ticket with { Status = TicketStatus.Reserved, OrderId = orderId, Version = 1 }, whilePaying);
        Assert.True(sold);
    }

    [Fact]
    public async Task ListingShowsTheNewestTicketsFirstAndPagesOnward()
    {
        FakeClockCluster.Clock.Advance(TimeSpan.FromSeconds(1));
        var older = await market.ListTicketAsync();
        FakeClockCluster.Clock.Advance(TimeSpan.FromSeconds(1));
        var newer = await market.ListTicketAsync();

        var first = await market.Grains.TicketCatalog().ListAsync(null, 1);
        var second = await market.Grains.TicketCatalog().ListAsync(first.Next, 1);

        Assert.Equal([newer], first.Items);
        Assert.Equal(new IndexPosition(newer.CreatedAt, newer.Id), first.Next);
        Assert.Equal([older], second.Items);
    }
}
