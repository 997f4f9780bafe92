using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Api;

[Collection(GatewayCollection.Name)]
public sealed class TicketsApiTests(GatewayFixture gateway)
{
    [Fact]
    public async Task SellingATicketAnswers201WithLocationAndTheTicket()
    {
        var seller = await gateway.SignUpAsync();

        using var response = await seller.Client.PostJsonAsync("/api/tickets", new { title = "Opera", price = 20.50m, extra = "ignored" });

        var ticket = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/tickets/{ticket.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Opera", ticket.Str("title"));
        Assert.Equal(20.5m, ticket.GetProperty("price").GetDecimal());
        Assert.Equal(seller.Id, ticket.Str("userId"));
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("orderId").ValueKind);
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("eventId").ValueKind);
        Assert.Equal("available", ticket.Str("status"));
        Assert.Equal(0, ticket.GetProperty("version").GetInt32());
        Assert.Equal(8, ticket.EnumerateObject().Count());
    }

    [Fact]
    public async Task AnyoneCanReadATicketById()
    {
        var seller = await gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync();
        using var anonymous = gateway.CreateClient();

        var read = await anonymous.GetJsonAsync($"/api/tickets/{ticket.Id()}");

        Assert.Equal(ticket.GetRawText(), read.GetRawText());
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-an-id")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcdef-0")]
    [InlineData("0123456789abcdef0123456789abcdef-999999999999")]
    public async Task UnknownOrMisshapenTicketIdIs404(string id)
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync($"/api/tickets/{id}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "ticket_not_found");
    }

    [Fact]
    public async Task AnIdTheHttpLayerCannotReadIsA4xxNotA500()
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/api/tickets/%00");

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Theory]
    [InlineData("""{"title":"x","price":0}""", "price")]
    [InlineData("""{"title":"x","price":-1}""", "price")]
    [InlineData("""{"title":"x","price":1000000.01}""", "price")]
    [InlineData("""{"title":"x","price":1.234}""", "price")]
    [InlineData("""{"title":"x","price":"10"}""", "price")]
    [InlineData("""{"title":"x"}""", "price")]
    [InlineData("""{"title":"   ","price":5}""", "title")]
    [InlineData("""{"title":"","price":5}""", "title")]
    [InlineData("""{"title":12,"price":5}""", "title")]
    [InlineData("""{"price":5}""", "title")]
    public async Task InvalidTicketFieldsAre400(string body, string field)
    {
        var seller = await gateway.SignUpAsync();

        using var response = await seller.Client.PostRawAsync("/api/tickets", body);

        await response.AssertValidationAsync(field);
    }

    [Fact]
    public async Task TitleOfExactly200CharactersIsAcceptedAnd201IsNot()
    {
        var seller = await gateway.SignUpAsync();

        using var ok = await seller.Client.PostJsonAsync("/api/tickets", new { title = new string('t', 200), price = 1_000_000 });
        using var tooLong = await seller.Client.PostJsonAsync("/api/tickets", new { title = new string('t', 201), price = 1 });

        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        await tooLong.AssertValidationAsync("title");
    }

    [Fact]
    public async Task ListingShowsAvailableTicketsNewestFirstAndPagesWithACursor()
    {
        var seller = await gateway.SignUpAsync();
        var older = await seller.SellTicketAsync("older");
        var newer = await seller.SellTicketAsync("newer");

        var first = await seller.Client.GetJsonAsync("/api/tickets?limit=1");
        var cursor = first.Str("nextCursor");
        var second = await seller.Client.GetJsonAsync($"/api/tickets?limit=1&cursor={cursor}");

        Assert.Equal(newer.Id(), Assert.Single(first.GetProperty("items").EnumerateArray()).Id());
        Assert.Equal(older.Id(), Assert.Single(second.GetProperty("items").EnumerateArray()).Id());
    }

    [Fact]
    public async Task AReservedTicketLeavesTheListingAndComesBackWhenReleased()
    {
        var seller = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync();
        Assert.True(await IsListedAsync(ticket.Id()));

        var order = await buyer.OrderTicketAsync(ticket.Id());
        Assert.False(await IsListedAsync(ticket.Id()));
        using var cancel = await buyer.Client.DeleteAsync($"/api/orders/{order.Id()}");

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.True(await IsListedAsync(ticket.Id()));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=MTIzOmFiYw", "cursor")]
    public async Task BadPagingParametersAre400(string query, string field)
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync($"/api/tickets?{query}");

        await response.AssertValidationAsync(field);
    }

    [Fact]
    public async Task SellerUpdatesTitleAndPriceAndVersionRises()
    {
        var seller = await gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync();

        using var response = await seller.Client.PutAsJsonAsync($"/api/tickets/{ticket.Id()}", new { title = "Renamed", price = 99.99m });

        var updated = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Renamed", updated.Str("title"));
        Assert.Equal(99.99m, updated.GetProperty("price").GetDecimal());
        Assert.Equal(1, updated.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task SomeoneElseCannotUpdateTheTicket()
    {
        var seller = await gateway.SignUpAsync();
        var other = await gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync();

        using var response = await other.Client.PutAsJsonAsync($"/api/tickets/{ticket.Id()}", new { title = "Mine now", price = 1 });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "not_owner");
    }

    [Fact]
    public async Task AReservedTicketCannotBeUpdated()
    {
        var seller = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync();
        await buyer.OrderTicketAsync(ticket.Id());

        using var response = await seller.Client.PutAsJsonAsync($"/api/tickets/{ticket.Id()}", new { title = "Too late", price = 1 });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "ticket_reserved");
    }

    [Fact]
    public async Task UpdateValidatesBeforeLookingTheTicketUp()
    {
        var seller = await gateway.SignUpAsync();

        using var invalid = await seller.Client.PutAsJsonAsync($"/api/tickets/{Ids.New()}", new { title = "", price = 1 });
        using var missing = await seller.Client.PutAsJsonAsync($"/api/tickets/{Ids.New()}", new { title = "Fine", price = 1 });

        await invalid.AssertValidationAsync("title");
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, "ticket_not_found");
    }

    [Fact]
    public async Task CreatingWithoutATokenIs401EvenWithABadBody()
    {
        using var client = gateway.CreateClient();

        using var response = await client.PostRawAsync("/api/tickets", "not json", "text/plain");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private async Task<bool> IsListedAsync(string ticketId)
    {
        using var client = gateway.CreateClient();
        string? cursor = null;
        do
        {
            var page = await client.GetJsonAsync(cursor is null ? "/api/tickets?limit=200" : $"/api/tickets?limit=200&cursor={cursor}");
            if (page.GetProperty("items").EnumerateArray().Any(t => t.Id() == ticketId))
            {
                return true;
            }

            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return false;
    }
}
