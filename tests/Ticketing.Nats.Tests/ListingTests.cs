using System.Net;
using System.Net.Http.Json;
using Ticketing.Nats.Tests.Support;

namespace Ticketing.Nats.Tests;

/// <summary>The listings over the embedded default's memory streams.</summary>
[Collection(MemoryStreamsCollection.Name)]
public sealed class ListingsOverMemoryStreamsTests(MemoryStreamsGateway gateway) : ListingTests(gateway);

/// <summary>The listings fed by the Orleans NATS provider.</summary>
[Collection(NatsGatewayCollection.Name)]
public sealed class ListingsOverNatsTests(TicketingGateway gateway) : ListingTests(gateway);

/// <summary>The listings on NATS with two silos: writers, stream agents and catalogs spread over both.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class ListingsAcrossTwoSilosTests(TwoSiloGateway gateway) : ListingTests(gateway);

/// <summary>
/// <c>GET /api/tickets</c> and <c>GET /api/events</c> come from catalogs that only follow streams, yet show every
/// change whose request has returned: no test here waits or polls before reading a listing.
/// </summary>
public abstract class ListingTests(TicketingGateway gateway)
{
    [Fact]
    public async Task ATicketIsListedOnceItsPostReturnsAndItsSaleRemovesIt()
    {
        var seller = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();

        var ticket = await seller.SellTicketAsync("Listed at once");
        var listed = await ListedAsync("/api/tickets", ticket);
        var order = await buyer.OrderTicketAsync(ticket);
        var listedWhileReserved = await ListedAsync("/api/tickets", ticket);
        await buyer.PayAsync(order.Id());
        var listedAfterSale = await ListedAsync("/api/tickets", ticket);

        Assert.NotNull(listed);
        Assert.Equal(("Listed at once", seller.Id, "available", 0), (listed.Value.Str("title"), listed.Value.Str("userId"), listed.Value.Str("status"), listed.Value.GetProperty("version").GetInt32()));
        Assert.Null(listedWhileReserved);
        Assert.Null(listedAfterSale);
        Assert.Equal("sold", (await buyer.Client.GetJsonAsync($"/api/tickets/{ticket}")).Str("status"));
    }

    [Fact]
    public async Task AnEditAndACancelledReservationShowInTheListingAtOnce()
    {
        var seller = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync("Before");

        using var edit = await seller.Client.PutAsJsonAsync($"/api/tickets/{ticket}", new { title = "After", price = 31.5m });
        await edit.AssertJsonAsync(HttpStatusCode.OK);
        var edited = await ListedAsync("/api/tickets", ticket);
        var order = await buyer.OrderTicketAsync(ticket);
        await buyer.CancelOrderAsync(order.Id());
        var released = await ListedAsync("/api/tickets", ticket);

        Assert.Equal(("After", 31.5m, 1), (edited!.Value.Str("title"), edited.Value.GetProperty("price").GetDecimal(), edited.Value.GetProperty("version").GetInt32()));
        Assert.Equal(("After", 3), (released!.Value.Str("title"), released.Value.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task AnEventIsListedOnceItsPostReturns()
    {
        var organizer = await gateway.SignUpAsync();

        var drop = await organizer.CreateEventAsync(capacity: 3);
        var listed = await ListedAsync("/api/events", drop);

        Assert.NotNull(listed);
        Assert.Equal((3, 0), (listed.Value.GetProperty("available").GetInt32(), listed.Value.GetProperty("sold").GetInt32()));
    }

    /// <summary>The item with this id in the whole listing, read page by page, or null.</summary>
    private async Task<System.Text.Json.JsonElement?> ListedAsync(string listing, string id)
    {
        using var client = gateway.CreateClient();
        string? cursor = null;
        do
        {
            var page = await client.GetJsonAsync(cursor is null ? $"{listing}?limit=200" : $"{listing}?limit=200&cursor={cursor}");
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                if (item.Id() == id)
                {
                    return item;
                }
            }

            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return null;
    }
}
