using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.Tests.Infrastructure;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Durable;

/// <summary>Everything written before a full stop reads back after a start, from PostgreSQL alone.</summary>
[Collection(DurableCollection.Name)]
public sealed class RestartTests(PostgresServer database)
{
    [Fact]
    public async Task AFullRestartKeepsUsersTicketsEventsOrdersPaymentsAndListings()
    {
        var settings = DurableSettings.For(database, "restart-" + Ids.New()[..8]);
        var before = new DurableGateway(settings);
        await before.InitializeAsync();
        var seller = await before.SignUpAsync();
        var buyer = await before.SignUpAsync();
        var organizer = await before.SignUpAsync();
        var paidTicket = await seller.SellTicketAsync("paid");
        var heldTicket = await seller.SellTicketAsync("held");
        var freeTicket = await seller.SellTicketAsync("free");
        var drop = await organizer.CreateEventAsync(capacity: 5, maxPerUser: 3);
        var paidOrder = await buyer.OrderTicketAsync(paidTicket.Id());
        var heldOrder = await buyer.OrderTicketAsync(heldTicket.Id());
        var paidSeat = await buyer.OrderFromEventAsync(drop.Id());
        var heldSeat = await buyer.OrderFromEventAsync(drop.Id());
        var payments = new Dictionary<string, JsonElement>();
        foreach (var order in new[] { paidOrder, paidSeat })
        {
            using var pay = await buyer.Client.PostAsJsonAsync("/api/payments", new { orderId = order.Id(), token = "tok_visa" });
            payments[order.Id()] = await pay.AssertJsonAsync(HttpStatusCode.Created);
        }

        var resources = new[]
        {
            $"/api/tickets/{paidTicket.Id()}", $"/api/tickets/{heldTicket.Id()}", $"/api/tickets/{freeTicket.Id()}",
            $"/api/events/{drop.Id()}", $"/api/orders/{paidOrder.Id()}", $"/api/orders/{heldOrder.Id()}",
            $"/api/orders/{paidSeat.Id()}", $"/api/orders/{heldSeat.Id()}", "/api/orders",
            $"/api/orders/{paidOrder.Id()}/payment",
        };
        var snapshot = new Dictionary<string, string>();
        foreach (var path in resources)
        {
            snapshot[path] = (await buyer.Client.GetJsonAsync(path)).GetRawText();
        }

        await before.DisposeAsync();
        var after = new DurableGateway(settings);
        await after.InitializeAsync();
        try
        {
            using var client = after.CreateClient(buyer.Token);
            foreach (var path in resources)
            {
                Assert.Equal(snapshot[path], (await client.GetJsonAsync(path)).GetRawText());
            }

            var tickets = await client.GetJsonAsync("/api/tickets?limit=200");
            var listed = tickets.GetProperty("items").EnumerateArray().Select(t => t.Id()).ToHashSet();
            Assert.Contains(freeTicket.Id(), listed);
            Assert.DoesNotContain(paidTicket.Id(), listed);
            Assert.DoesNotContain(heldTicket.Id(), listed);
            var events = await client.GetJsonAsync("/api/events?limit=200");
            Assert.Contains(events.GetProperty("items").EnumerateArray(), e => e.Id() == drop.Id()
                && e.GetProperty("available").GetInt32() == 3 && e.GetProperty("sold").GetInt32() == 1);

            foreach (var user in new[] { seller, buyer, organizer })
            {
                using var signIn = await client.PostAsJsonAsync("/api/users/signin", new { username = user.Username, password = TestUser.Password });
                Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            }

            using var repay = await client.PostAsJsonAsync("/api/payments", new { orderId = paidOrder.Id(), token = "tok_visa" });
            Assert.Equal(payments[paidOrder.Id()].GetRawText(), (await repay.AssertJsonAsync(HttpStatusCode.OK)).GetRawText());
            using var taken = await client.PostAsJsonAsync("/api/orders", new { ticketId = heldTicket.Id() });
            await taken.AssertProblemAsync(HttpStatusCode.Conflict, "ticket_reserved");
        }
        finally
        {
            await after.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnOrderLeftUnpaidAcrossAFullStopExpiresAfterTheStartAndFreesItsSeat()
    {
        var window = TimeSpan.FromSeconds(4);
        var settings = DurableSettings.For(database, "expiry-" + Ids.New()[..8], window);
        var before = new DurableGateway(settings);
        await before.InitializeAsync();
        var organizer = await before.SignUpAsync();
        var buyer = await before.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 1);
        var order = await buyer.OrderFromEventAsync(drop.Id());
        var expiresAt = order.GetProperty("expiresAt").GetDateTime().ToUniversalTime();
        await before.DisposeAsync();
        await Eventually.TrueAsync(() => Task.FromResult(DateTime.UtcNow > expiresAt.AddSeconds(1)), window * 3, "the hold's expiry passes while nothing runs");

        var after = new DurableGateway(settings);
        await after.InitializeAsync();
        try
        {
            using var watcher = after.CreateClient();
            // Only the reminders move the event's counter back: nobody touches the order or its ticket here.
            await Eventually.TrueAsync(
                async () => await watcher.AvailableSeatsAsync(drop.Id()) == 1,
                TimeSpan.FromSeconds(30), "the expired order's seat is returned after the restart");

            using var client = after.CreateClient(buyer.Token);
            var expired = await client.GetJsonAsync($"/api/orders/{order.Id()}");
            Assert.Equal(("cancelled", "expired"), (expired.Str("status"), expired.Str("cancelReason")));
            var next = await after.SignUpAsync();
            Assert.Equal("created", (await next.OrderFromEventAsync(drop.Id())).Str("status"));
        }
        finally
        {
            await after.DisposeAsync();
        }
    }
}
