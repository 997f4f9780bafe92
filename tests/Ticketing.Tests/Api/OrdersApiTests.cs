using System.Net;
using System.Text.Json;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Api;

[Collection(GatewayCollection.Name)]
public sealed class OrdersApiTests(GatewayFixture gateway)
{
    [Fact]
    public async Task OrderingATicketHoldsItForTheReservationWindow()
    {
        var seller = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync("Play", 30m);

        using var response = await buyer.Client.PostJsonAsync("/api/orders", new { ticketId = ticket.Id() });

        var order = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/orders/{order.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(buyer.Id, order.Str("userId"));
        Assert.Equal("created", order.Str("status"));
        Assert.Equal(JsonValueKind.Null, order.GetProperty("cancelReason").ValueKind);
        Assert.Equal(JsonValueKind.Null, order.GetProperty("eventId").ValueKind);
        var expiresAt = order.GetProperty("expiresAt").GetDateTime().ToUniversalTime();
        Assert.InRange(expiresAt, DateTime.UtcNow.AddMinutes(14), DateTime.UtcNow.AddMinutes(15.1));
        var held = order.GetProperty("ticket");
        Assert.Equal((ticket.Id(), "Play", 30m), (held.Id(), held.Str("title"), held.GetProperty("price").GetDecimal()));
        var reserved = await buyer.Client.GetJsonAsync($"/api/tickets/{ticket.Id()}");
        Assert.Equal(("reserved", order.Id(), 1), (reserved.Str("status"), reserved.Str("orderId"), reserved.GetProperty("version").GetInt32()));
    }

    [Theory]
    [InlineData("{}", "body")]
    [InlineData("""{"ticketId":"a","eventId":"b"}""", "body")]
    [InlineData("""{"ticketId":""}""", "ticketId")]
    [InlineData("""{"eventId":""}""", "eventId")]
    [InlineData("""{"ticketId":5}""", "ticketId")]
    public async Task OrderNeedsExactlyOneNonEmptyId(string body, string field)
    {
        var buyer = await gateway.SignUpAsync();

        using var response = await buyer.Client.PostRawAsync("/api/orders", body);

        await response.AssertValidationAsync(field);
    }

    [Theory]
    [InlineData("ticketId", "0123456789abcdef0123456789abcdef", "ticket_not_found")]
    [InlineData("ticketId", "???", "ticket_not_found")]
    [InlineData("eventId", "0123456789abcdef0123456789abcdef", "event_not_found")]
    [InlineData("eventId", "nope", "event_not_found")]
    public async Task OrderingSomethingThatDoesNotExistIs404(string field, string id, string code)
    {
        var buyer = await gateway.SignUpAsync();

        using var response = await buyer.Client.PostJsonAsync("/api/orders", new Dictionary<string, string> { [field] = id });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, code);
    }

    [Fact]
    public async Task AReservedTicketCannotBeOrderedAgain()
    {
        var seller = await gateway.SignUpAsync();
        var first = await gateway.SignUpAsync();
        var second = await gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync();
        await first.OrderTicketAsync(ticket.Id());

        using var response = await second.Client.PostJsonAsync("/api/orders", new { ticketId = ticket.Id() });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "ticket_reserved");
    }

    [Fact]
    public async Task ASellerCannotOrderTheirOwnTicket()
    {
        var seller = await gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync();

        using var response = await seller.Client.PostJsonAsync("/api/orders", new { ticketId = ticket.Id() });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "own_ticket");
    }

    [Fact]
    public async Task AnOrderIsVisibleOnlyToItsBuyer()
    {
        var seller = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var stranger = await gateway.SignUpAsync();
        var order = await buyer.OrderTicketAsync((await seller.SellTicketAsync()).Id());

        var own = await buyer.Client.GetJsonAsync($"/api/orders/{order.Id()}");
        using var foreign = await stranger.Client.GetAsync($"/api/orders/{order.Id()}");
        using var foreignCancel = await stranger.Client.DeleteAsync($"/api/orders/{order.Id()}");

        Assert.Equal(order.Id(), own.Id());
        await foreign.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
        await foreignCancel.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("bad-id")]
    public async Task UnknownOrderIs404(string id)
    {
        var buyer = await gateway.SignUpAsync();

        using var get = await buyer.Client.GetAsync($"/api/orders/{id}");
        using var delete = await buyer.Client.DeleteAsync($"/api/orders/{id}");

        await get.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
        await delete.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }

    [Fact]
    public async Task MyOrdersListsOnlyMineNewestFirst()
    {
        var seller = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var other = await gateway.SignUpAsync();
        var older = await buyer.OrderTicketAsync((await seller.SellTicketAsync()).Id());
        var newer = await buyer.OrderTicketAsync((await seller.SellTicketAsync()).Id());
        await other.OrderTicketAsync((await seller.SellTicketAsync()).Id());

        var mine = await buyer.Client.GetJsonAsync("/api/orders");

        Assert.Equal([newer.Id(), older.Id()], mine.GetProperty("items").EnumerateArray().Select(o => o.Id()).ToArray());
    }

    [Fact]
    public async Task CancellingFreesTheTicketAndCancellingAgainChangesNothing()
    {
        var seller = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync();
        var order = await buyer.OrderTicketAsync(ticket.Id());

        using var first = await buyer.Client.DeleteAsync($"/api/orders/{order.Id()}");
        using var again = await buyer.Client.DeleteAsync($"/api/orders/{order.Id()}");

        var cancelled = await first.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("cancelled", "user"), (cancelled.Str("status"), cancelled.Str("cancelReason")));
        Assert.Equal(cancelled.GetRawText(), (await again.AssertJsonAsync(HttpStatusCode.OK)).GetRawText());
        var freed = await buyer.Client.GetJsonAsync($"/api/tickets/{ticket.Id()}");
        Assert.Equal("available", freed.Str("status"));
        Assert.Equal(JsonValueKind.Null, freed.GetProperty("orderId").ValueKind);
        await (await gateway.SignUpAsync()).OrderTicketAsync(ticket.Id());
    }

    [Fact]
    public async Task APaidOrderCannotBeCancelled()
    {
        var seller = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var order = await buyer.OrderTicketAsync((await seller.SellTicketAsync()).Id());
        using var pay = await buyer.Client.PostJsonAsync("/api/payments", new { orderId = order.Id(), token = "tok_visa" });
        Assert.Equal(HttpStatusCode.Created, pay.StatusCode);

        using var response = await buyer.Client.DeleteAsync($"/api/orders/{order.Id()}");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "order_complete");
    }

    [Fact]
    public async Task EveryOrderRouteNeedsAToken()
    {
        using var client = gateway.CreateClient();
        var id = Ids.New();

        using var create = await client.PostJsonAsync("/api/orders", new { ticketId = id });
        using var list = await client.GetAsync("/api/orders");
        using var get = await client.GetAsync($"/api/orders/{id}");
        using var cancel = await client.DeleteAsync($"/api/orders/{id}");

        foreach (var response in new[] { create, list, get, cancel })
        {
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
    }
}
