using System.Net;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Api;

/// <summary>A gateway whose reservations last two seconds, so expiry can be watched happen.</summary>
public sealed class ShortReservationGateway : GatewayFixture
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(base.Settings)
    {
        ["Ticketing:Orders:ReservationWindow"] = "00:00:02",
    };
}

[CollectionDefinition(Name)]
public sealed class ShortReservationCollection : ICollectionFixture<ShortReservationGateway>
{
    public const string Name = "short-reservations";
}

[Collection(ShortReservationCollection.Name)]
public sealed class ExpiryTests(ShortReservationGateway gateway)
{
    [Fact]
    public async Task AnUnpaidOrderExpiresWithinTwoSecondsWithoutBeingTouched()
    {
        var organizer = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 1);
        var order = await buyer.OrderFromEventAsync(drop.Id());
        var expiresAt = order.GetProperty("expiresAt").GetDateTime().ToUniversalTime();
        using var watcher = gateway.CreateClient();

        // The event's counter is only moved by the order's own expiry, so this watches the timer, not a read.
        await Eventually.TrueAsync(
            async () => await watcher.AvailableSeatsAsync(drop.Id()) == 1,
            within: ShortReservationGateway.Window + TimeSpan.FromSeconds(4),
            what: "the expired hold returns its seat");

        Assert.True(DateTime.UtcNow <= expiresAt + TimeSpan.FromSeconds(3), "the seat came back more than 2 s after expiresAt");
        var expired = await buyer.Client.GetJsonAsync($"/api/orders/{order.Id()}");
        Assert.Equal(("cancelled", "expired"), (expired.Str("status"), expired.Str("cancelReason")));
        var again = await buyer.OrderFromEventAsync(drop.Id());
        Assert.Equal("created", again.Str("status"));
    }

    [Fact]
    public async Task AnExpiredOrderCannotBePaidAndItsTicketIsOrderableAgain()
    {
        var seller = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var next = await gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync();
        var order = await buyer.OrderTicketAsync(ticket.Id());
        var expiresAt = order.GetProperty("expiresAt").GetDateTime().ToUniversalTime();
        await Eventually.TrueAsync(() => Task.FromResult(DateTime.UtcNow > expiresAt), TimeSpan.FromSeconds(5), "expiresAt passes");

        using var pay = await buyer.Client.PostJsonAsync("/api/payments", new { orderId = order.Id(), token = "tok_visa" });

        await pay.AssertProblemAsync(HttpStatusCode.Conflict, "order_cancelled");
        var taken = await next.OrderTicketAsync(ticket.Id());
        Assert.Equal("created", taken.Str("status"));
    }

    [Fact]
    public async Task CancellingAnExpiredOrderAnswersItUnchanged()
    {
        var seller = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var order = await buyer.OrderTicketAsync((await seller.SellTicketAsync()).Id());
        var expiresAt = order.GetProperty("expiresAt").GetDateTime().ToUniversalTime();
        await Eventually.TrueAsync(() => Task.FromResult(DateTime.UtcNow > expiresAt), TimeSpan.FromSeconds(5), "expiresAt passes");

        using var response = await buyer.Client.DeleteAsync($"/api/orders/{order.Id()}");

        var body = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("cancelled", "expired"), (body.Str("status"), body.Str("cancelReason")));
    }
}
