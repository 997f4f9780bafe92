using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Api;

[Collection(GatewayCollection.Name)]
public sealed class EventsApiTests(GatewayFixture gateway)
{
    [Fact]
    public async Task CreatingAnEventAnswers201WithItsCountersAndDefaults()
    {
        var organizer = await gateway.SignUpAsync();
        var before = DateTime.UtcNow.AddSeconds(-1);

        using var response = await organizer.Client.PostJsonAsync("/api/events", new { title = "Festival", price = 49.99m, capacity = 100_000 });

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/events/{created.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(100_000, created.GetProperty("capacity").GetInt32());
        Assert.Equal(100_000, created.GetProperty("available").GetInt32());
        Assert.Equal(0, created.GetProperty("sold").GetInt32());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("maxPerUser").ValueKind);
        Assert.Equal(organizer.Id, created.Str("userId"));
        Assert.EndsWith("Z", created.Str("onSaleAt"), StringComparison.Ordinal);
        Assert.InRange(created.GetProperty("onSaleAt").GetDateTime().ToUniversalTime(), before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(9, created.EnumerateObject().Count());
    }

    [Theory]
    [InlineData("""{"title":"E","price":5,"capacity":0}""", "capacity")]
    [InlineData("""{"title":"E","price":5,"capacity":100001}""", "capacity")]
    [InlineData("""{"title":"E","price":5,"capacity":1.5}""", "capacity")]
    [InlineData("""{"title":"E","price":5,"capacity":"5"}""", "capacity")]
    [InlineData("""{"title":"E","price":5}""", "capacity")]
    [InlineData("""{"title":"E","price":5,"capacity":5,"maxPerUser":0}""", "maxPerUser")]
    [InlineData("""{"title":"E","price":5,"capacity":5,"onSaleAt":"tomorrow"}""", "onSaleAt")]
    [InlineData("""{"title":"","price":0,"capacity":5}""", "price", "title")]
    public async Task InvalidEventFieldsAre400(string body, params string[] fields)
    {
        var organizer = await gateway.SignUpAsync();

        using var response = await organizer.Client.PostRawAsync("/api/events", body);

        await response.AssertValidationAsync(fields);
    }

    [Fact]
    public async Task UnknownOrMisshapenEventIs404()
    {
        using var client = gateway.CreateClient();

        using var unknown = await client.GetAsync($"/api/events/{Ids.New()}");
        using var misshapen = await client.GetAsync("/api/events/x");

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "event_not_found");
        await misshapen.AssertProblemAsync(HttpStatusCode.NotFound, "event_not_found");
    }

    [Fact]
    public async Task EventsAreListedNewestFirstWithPaging()
    {
        var organizer = await gateway.SignUpAsync();
        var older = await organizer.CreateEventAsync(capacity: 3);
        var newer = await organizer.CreateEventAsync(capacity: 4);

        var first = await organizer.Client.GetJsonAsync("/api/events?limit=1");
        var second = await organizer.Client.GetJsonAsync($"/api/events?limit=1&cursor={first.Str("nextCursor")}");

        Assert.Equal(newer.Id(), Assert.Single(first.GetProperty("items").EnumerateArray()).Id());
        Assert.Equal(older.Id(), Assert.Single(second.GetProperty("items").EnumerateArray()).Id());
    }

    [Fact]
    public async Task OrderingFromAnEventHoldsOneOfItsSeatsAndCountsDown()
    {
        var organizer = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 2, price: 12.5m);

        var order = await buyer.OrderFromEventAsync(drop.Id());
        var after = await buyer.Client.GetJsonAsync($"/api/events/{drop.Id()}");
        var ticket = await buyer.Client.GetJsonAsync($"/api/tickets/{order.GetProperty("ticket").Id()}");

        Assert.Equal(drop.Id(), order.Str("eventId"));
        Assert.Equal(12.5m, order.GetProperty("ticket").GetProperty("price").GetDecimal());
        Assert.Equal(1, after.GetProperty("available").GetInt32());
        Assert.Equal(drop.Id(), ticket.Str("eventId"));
        Assert.Equal(organizer.Id, ticket.Str("userId"));
        Assert.Equal("reserved", ticket.Str("status"));
        Assert.Equal(order.Id(), ticket.Str("orderId"));
    }

    [Fact]
    public async Task AnEventSeatReadsAsAvailableBeforeAnyoneTouchedIt()
    {
        var organizer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 3);
        using var client = gateway.CreateClient();

        var seat = await client.GetJsonAsync($"/api/tickets/{drop.Id()}-3");
        using var beyond = await client.GetAsync($"/api/tickets/{drop.Id()}-4");

        Assert.Equal("available", seat.Str("status"));
        Assert.Equal(drop.Id(), seat.Str("eventId"));
        await beyond.AssertProblemAsync(HttpStatusCode.NotFound, "ticket_not_found");
    }

    [Fact]
    public async Task BeforeOnSaleAtOrdersAreRefusedWithNotOnSale()
    {
        var organizer = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 5, onSaleAt: DateTime.UtcNow.AddHours(1));

        using var response = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "not_on_sale");
    }

    [Fact]
    public async Task ASoldOutEventRefusesWithSoldOut()
    {
        var organizer = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 1);
        await buyer.OrderFromEventAsync(drop.Id());

        using var response = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "sold_out");
    }

    [Fact]
    public async Task ABuyerAtTheLimitIsRefusedButACancelledOrderFreesTheSlot()
    {
        var organizer = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 10, maxPerUser: 1);
        var first = await buyer.OrderFromEventAsync(drop.Id());

        using var refused = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() });
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "limit_reached");
        using var cancel = await buyer.Client.DeleteAsync($"/api/orders/{first.Id()}");
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        var second = await buyer.OrderFromEventAsync(drop.Id());
        Assert.Equal("created", second.Str("status"));
    }

    [Fact]
    public async Task TheOrganizerCannotBuyTheirOwnEvent()
    {
        var organizer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 3);

        using var response = await organizer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "own_ticket");
    }

    [Fact]
    public async Task AnEventsTicketIsNotEditedOrOrderedOnItsOwn()
    {
        var organizer = await gateway.SignUpAsync();
        var other = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 3);
        var seatId = $"{drop.Id()}-1";

        using var byOrganizer = await organizer.Client.PutAsJsonAsync($"/api/tickets/{seatId}", new { title = "x", price = 1 });
        using var byOther = await other.Client.PutAsJsonAsync($"/api/tickets/{seatId}", new { title = "x", price = 1 });
        using var orderedDirectly = await other.Client.PostJsonAsync("/api/orders", new { ticketId = seatId });

        await byOrganizer.AssertProblemAsync(HttpStatusCode.Conflict, "event_ticket");
        await byOther.AssertProblemAsync(HttpStatusCode.Forbidden, "not_owner");
        await orderedDirectly.AssertProblemAsync(HttpStatusCode.Conflict, "event_ticket");
    }

    [Fact]
    public async Task EventTicketsStayOutOfTheTicketListing()
    {
        var organizer = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 2);
        var order = await buyer.OrderFromEventAsync(drop.Id());
        await buyer.Client.DeleteAsync($"/api/orders/{order.Id()}");

        var listing = await buyer.Client.GetJsonAsync("/api/tickets?limit=200");

        Assert.DoesNotContain(listing.GetProperty("items").EnumerateArray(),
            t => t.GetProperty("eventId").ValueKind != JsonValueKind.Null);
    }
}
