using System.Text.Json;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Durable;

/// <summary>Checks, through the API, that orders, tickets and the event agree: nothing sold twice or half-written.</summary>
public static class Consistency
{
    public sealed record Report(int Orders, int Live, int Complete, int Anomalies);

    public static async Task<Report> CheckAsync(HttpClient organizer, string eventId, IReadOnlyDictionary<string, HttpClient> orderOwners)
    {
        var anomalies = new List<string>();
        var ticketsOfLiveOrders = new HashSet<string>();
        int live = 0, complete = 0;
        foreach (var (orderId, owner) in orderOwners)
        {
            var order = await owner.GetJsonAsync($"/api/orders/{orderId}");
            var ticketId = order.GetProperty("ticket").Id();
            var ticket = await organizer.GetJsonAsync($"/api/tickets/{ticketId}");
            var status = order.Str("status");
            var holder = ticket.GetProperty("orderId").ValueKind == JsonValueKind.Null ? null : ticket.Str("orderId");
            switch (status)
            {
                case "created" or "awaiting:payment":
                    live++;
                    Expect(ticket.Str("status") == "reserved" && holder == orderId, $"open order {orderId} but its ticket is {ticket.Str("status")} by {holder}");
                    Expect(ticketsOfLiveOrders.Add(ticketId), $"ticket {ticketId} is in two live orders");
                    break;
                case "complete":
                    live++;
                    complete++;
                    Expect(ticket.Str("status") == "sold" && holder == orderId, $"paid order {orderId} but its ticket is {ticket.Str("status")} by {holder}");
                    Expect(ticketsOfLiveOrders.Add(ticketId), $"ticket {ticketId} is in two live orders");
                    break;
                default:
                    Expect(holder != orderId, $"cancelled order {orderId} still holds ticket {ticketId}");
                    break;
            }
        }

        var drop = await organizer.GetJsonAsync($"/api/events/{eventId}");
        var capacity = drop.GetProperty("capacity").GetInt32();
        Expect(drop.GetProperty("sold").GetInt32() == complete, $"event says sold {drop.GetProperty("sold").GetInt32()}, orders say {complete}");
        Expect(drop.GetProperty("available").GetInt32() == capacity - live, $"event says available {drop.GetProperty("available").GetInt32()}, orders say {capacity - live}");
        Expect(live <= capacity, $"{live} live orders for {capacity} seats");
        Assert.True(anomalies.Count == 0, string.Join("\n", anomalies));
        return new Report(orderOwners.Count, live, complete, anomalies.Count);

        void Expect(bool condition, string anomaly)
        {
            if (!condition)
            {
                anomalies.Add(anomaly);
            }
        }
    }
}
