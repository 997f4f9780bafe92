using System.Net;
using System.Text.Json;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Api;

/// <summary>
/// <c>Idempotency-Key</c> on <c>POST /api/orders</c>: a buyer who retries a request whose answer was lost gets the
/// same order, never a second seat.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class IdempotentOrderTests(GatewayFixture gateway)
{
    [Fact]
    public async Task RetryWithTheSameKeyReturnsTheSameOrderAndHoldsOneSeat()
    {
        var organizer = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 5);
        var key = Guid.NewGuid().ToString();

        using var first = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() }, key);
        using var retry = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() }, key);

        var placed = await first.AssertJsonAsync(HttpStatusCode.Created);
        var again = await retry.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(placed.Id(), again.Id());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(placed.GetProperty("ticket").Id(), again.GetProperty("ticket").Id());
        Assert.Equal(4, await buyer.Client.AvailableSeatsAsync(drop.Id()));
        var mine = await buyer.Client.GetJsonAsync("/api/orders");
        Assert.Equal(new[] { placed.Id() }, mine.GetProperty("items").EnumerateArray().Select(o => o.Id()));
    }

    [Fact]
    public async Task ConcurrentRetriesWithOneKeyMeetInOneOrder()
    {
        var organizer = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 20);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var response = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() }, key);
            return await response.AssertJsonAsync(HttpStatusCode.Created);
        }));

        Assert.Single(answers.Select(a => a.Id()).Distinct());
        Assert.Equal(19, await buyer.Client.AvailableSeatsAsync(drop.Id()));
    }

    [Fact]
    public async Task DifferentKeysAreDifferentOrders()
    {
        var organizer = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 5);

        using var one = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() }, Guid.NewGuid().ToString());
        using var other = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() }, Guid.NewGuid().ToString());

        Assert.NotEqual((await one.AssertJsonAsync(HttpStatusCode.Created)).Id(), (await other.AssertJsonAsync(HttpStatusCode.Created)).Id());
        Assert.Equal(3, await buyer.Client.AvailableSeatsAsync(drop.Id()));
    }

    [Fact]
    public async Task TwoBuyersWithTheSameKeyGetAnOrderEach()
    {
        var organizer = await gateway.SignUpAsync();
        var buyers = new[] { await gateway.SignUpAsync(), await gateway.SignUpAsync() };
        var drop = await organizer.CreateEventAsync(capacity: 5);
        const string sharedKey = "order-1";

        var orders = new List<JsonElement>();
        foreach (var buyer in buyers)
        {
            using var response = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() }, sharedKey);
            orders.Add(await response.AssertJsonAsync(HttpStatusCode.Created));
        }

        Assert.Equal(new[] { buyers[0].Id, buyers[1].Id }, orders.Select(o => o.Str("userId")));
        Assert.NotEqual(orders[0].Id(), orders[1].Id());
    }

    [Fact]
    public async Task TheSameKeyForAnotherEventIs422AndReservesNothing()
    {
        var organizer = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var first = await organizer.CreateEventAsync(capacity: 5);
        var second = await organizer.CreateEventAsync(capacity: 5);
        var key = Guid.NewGuid().ToString();
        using var placed = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = first.Id() }, key);
        await placed.AssertJsonAsync(HttpStatusCode.Created);

        using var reused = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = second.Id() }, key);

        await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(5, await buyer.Client.AvailableSeatsAsync(second.Id()));
    }

    [Fact]
    public async Task RetryAfterTheOrderWasCancelledReturnsTheCancelledOrderNotANewHold()
    {
        var organizer = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 5);
        var key = Guid.NewGuid().ToString();
        using var placed = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() }, key);
        var order = await placed.AssertJsonAsync(HttpStatusCode.Created);
        using var cancelled = await buyer.Client.DeleteAsync($"/api/orders/{order.Id()}");
        await cancelled.AssertJsonAsync(HttpStatusCode.OK);

        using var retry = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() }, key);

        var again = await retry.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal((order.Id(), "cancelled"), (again.Id(), again.Str("status")));
        Assert.Equal(5, await buyer.Client.AvailableSeatsAsync(drop.Id()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    public async Task AKeyThatIsNotVisibleAsciiIs400(string key)
    {
        var organizer = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 5);

        using var response = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() }, key);

        await response.AssertValidationAsync("Idempotency-Key");
        Assert.Equal(5, await buyer.Client.AvailableSeatsAsync(drop.Id()));
    }

    [Fact]
    public async Task AKeyLongerThan255CharactersIs400()
    {
        var buyer = await gateway.SignUpAsync();
        var organizer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 5);

        using var response = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() }, new string('k', 256));

        await response.AssertValidationAsync("Idempotency-Key");
    }
}
