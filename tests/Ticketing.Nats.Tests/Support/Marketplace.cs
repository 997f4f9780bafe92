using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ticketing.Nats.Tests.Support;

/// <summary>The marketplace steps the scenarios take through the HTTP API, each asserting its own success.</summary>
public static class Marketplace
{
    public static async Task<string> SellTicketAsync(this TestUser seller, string title = "Concert", decimal price = 20.5m)
    {
        using var response = await seller.Client.PostAsJsonAsync("/api/tickets", new { title, price });
        return (await response.AssertJsonAsync(HttpStatusCode.Created)).Id();
    }

    public static async Task<string> CreateEventAsync(this TestUser organizer, int capacity, decimal price = 10m)
    {
        using var response = await organizer.Client.PostAsJsonAsync("/api/events", new { title = "Drop", price, capacity });
        return (await response.AssertJsonAsync(HttpStatusCode.Created)).Id();
    }

    public static async Task<JsonElement> OrderTicketAsync(this TestUser buyer, string ticketId)
    {
        using var response = await buyer.Client.PostAsJsonAsync("/api/orders", new { ticketId });
        return await response.AssertJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> OrderFromEventAsync(this TestUser buyer, string eventId)
    {
        using var response = await buyer.Client.PostAsJsonAsync("/api/orders", new { eventId });
        return await response.AssertJsonAsync(HttpStatusCode.Created);
    }

    public static async Task CancelOrderAsync(this TestUser buyer, string orderId)
    {
        using var response = await buyer.Client.DeleteAsync($"/api/orders/{orderId}");
        var order = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", order.Str("status"));
    }

    /// <summary>Pays an order with the test card that succeeds; returns the payment's id.</summary>
    public static async Task<string> PayAsync(this TestUser buyer, string orderId)
    {
        using var response = await buyer.Client.PostAsJsonAsync("/api/payments", new { orderId, token = "tok_visa" });
        return (await response.AssertJsonAsync(HttpStatusCode.Created)).Id();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await response.AssertJsonAsync(HttpStatusCode.OK);
    }

    public static async Task<JsonElement> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static string Id(this JsonElement resource) => resource.GetProperty("id").GetString()!;

    public static string Str(this JsonElement resource, string property) => resource.GetProperty(property).GetString()!;
}
