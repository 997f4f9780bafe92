using System.Net;
using System.Text.Json;

namespace Ticketing.Tests.Support;

/// <summary>The steps most tests share, each asserting its own success.</summary>
public static class Marketplace
{
    public static async Task<JsonElement> SellTicketAsync(this TestUser seller, string title = "Concert", decimal price = 20.5m)
    {
        using var response = await seller.Client.PostJsonAsync("/api/tickets", new { title, price });
        return await response.AssertJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> CreateEventAsync(
        this TestUser organizer, int capacity, int? maxPerUser = null, DateTime? onSaleAt = null, decimal price = 10m)
    {
        object body = onSaleAt is null
            ? new { title = "Drop", price, capacity, maxPerUser }
            : new { title = "Drop", price, capacity, maxPerUser, onSaleAt };
        using var response = await organizer.Client.PostJsonAsync("/api/events", body);
        return await response.AssertJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> OrderTicketAsync(this TestUser buyer, string ticketId)
    {
        using var response = await buyer.Client.PostJsonAsync("/api/orders", new { ticketId });
        return await response.AssertJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> OrderFromEventAsync(this TestUser buyer, string eventId)
    {
        using var response = await buyer.Client.PostJsonAsync("/api/orders", new { eventId });
        return await response.AssertJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await response.AssertJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>The event's <c>available</c> counter, as <c>GET /api/events/{id}</c> reports it now.</summary>
    public static async Task<int> AvailableSeatsAsync(this HttpClient client, string eventId) =>
        (await client.GetJsonAsync($"/api/events/{eventId}")).GetProperty("available").GetInt32();

    public static string Id(this JsonElement resource) => resource.GetProperty("id").GetString()!;

    public static string Str(this JsonElement resource, string property) => resource.GetProperty(property).GetString()!;
}
