using System.Net;
using System.Text.Json;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Api;

/// <summary>Concurrent buyers through the real HTTP pipeline: nothing is ever sold twice.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RaceTests(GatewayFixture gateway)
{
    [Fact]
    public async Task FiftyBuyersRacingForOneTicketProduceExactlyOneOrder()
    {
        var seller = await gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync();
        var buyers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => gateway.SignUpAsync()));

        var responses = await Task.WhenAll(buyers.Select(b => b.Client.PostJsonAsync("/api/orders", new { ticketId = ticket.Id() })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "ticket_reserved");
        }

        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).AssertJsonAsync(HttpStatusCode.Created);
        var held = await seller.Client.GetJsonAsync($"/api/tickets/{ticket.Id()}");
        Assert.Equal(winner.Id(), held.Str("orderId"));
    }

    [Fact]
    public async Task AFiftySeatEventUnder120AttemptsSellsExactlyFiftyDistinctSeats()
    {
        var organizer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 50);
        var buyers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => gateway.SignUpAsync()));

        var attempts = Enumerable.Range(0, 120).Select(i => buyers[i % buyers.Length])
            .Select(b => b.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() }));
        var responses = await Task.WhenAll(attempts);

        var orders = new List<JsonElement>();
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.Created)
            {
                orders.Add(await response.AssertJsonAsync(HttpStatusCode.Created));
            }
            else
            {
                await response.AssertProblemAsync(HttpStatusCode.Conflict, "sold_out");
            }
        }

        Assert.Equal(50, orders.Count);
        Assert.Equal(50, orders.Select(o => o.GetProperty("ticket").Id()).Distinct().Count());
        var after = await organizer.Client.GetJsonAsync($"/api/events/{drop.Id()}");
        Assert.Equal(0, after.GetProperty("available").GetInt32());
        foreach (var order in orders)
        {
            var seat = await organizer.Client.GetJsonAsync($"/api/tickets/{order.GetProperty("ticket").Id()}");
            Assert.Equal(order.Id(), seat.Str("orderId"));
        }
    }

    [Fact]
    public async Task CancelAndPayRacingOnOneOrderEndOneWayOrTheOtherNeverBoth()
    {
        var seller = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var outcomes = new HashSet<string>();
        for (var round = 0; round < 15; round++)
        {
            var ticket = await seller.SellTicketAsync();
            var order = await buyer.OrderTicketAsync(ticket.Id());

            var pay = buyer.Client.PostJsonAsync("/api/payments", new { orderId = order.Id(), token = "tok_visa" });
            var cancel = buyer.Client.DeleteAsync($"/api/orders/{order.Id()}");
            using var paid = await pay;
            using var cancelled = await cancel;

            var final = await buyer.Client.GetJsonAsync($"/api/orders/{order.Id()}");
            var ticketNow = await buyer.Client.GetJsonAsync($"/api/tickets/{ticket.Id()}");
            if (final.Str("status") == "complete")
            {
                Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
                Assert.Equal(HttpStatusCode.Conflict, cancelled.StatusCode);
                Assert.Equal(("sold", order.Id()), (ticketNow.Str("status"), ticketNow.Str("orderId")));
            }
            else
            {
                Assert.Equal(("cancelled", "user"), (final.Str("status"), final.Str("cancelReason")));
                Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
                await paid.AssertProblemAsync(HttpStatusCode.Conflict, "order_cancelled");
                Assert.Equal("available", ticketNow.Str("status"));
                using var noPayment = await buyer.Client.GetAsync($"/api/orders/{order.Id()}/payment");
                Assert.Equal(HttpStatusCode.NotFound, noPayment.StatusCode);
            }

            outcomes.Add(final.Str("status"));
        }

        Assert.Subset(new HashSet<string> { "complete", "cancelled" }, outcomes);
    }
}
