using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Ticketing.Tests.Infrastructure;
using Ticketing.Tests.Support;
using Xunit.Abstractions;

namespace Ticketing.Tests.Durable;

[Collection(DurableCollection.Name)]
public sealed class DatabaseOutageTests(PostgresServer database, ITestOutputHelper output)
{
    [Fact]
    public async Task ADatabaseOutageUnderTrafficAnswers503FastWritesNothingHalfWayAndRecoversByItself()
    {
        var window = TimeSpan.FromSeconds(8);
        var gateway = new DurableGateway(DurableSettings.For(database, "outage-" + Ids.New()[..8], window));
        await gateway.InitializeAsync();
        try
        {
            var organizer = await gateway.SignUpAsync();
            var buyers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => gateway.SignUpAsync()));
            var drop = await organizer.CreateEventAsync(capacity: 10_000);
            var orders = new ConcurrentDictionary<string, HttpClient>();
            var statuses = new ConcurrentBag<(HttpStatusCode Status, string? Code, TimeSpan Took, bool DuringOutage)>();
            var outage = 0;
            using var stop = new CancellationTokenSource();

            async Task Shop(TestUser buyer)
            {
                var round = 0;
                while (!stop.IsCancellationRequested)
                {
                    var clock = Stopwatch.StartNew();
                    using var placed = await buyer.Client.PostAsJsonAsync("/api/orders", new { eventId = drop.Id() });
                    statuses.Add((placed.StatusCode, await CodeOf(placed), clock.Elapsed, Volatile.Read(ref outage) == 1));
                    if (placed.StatusCode == HttpStatusCode.Created)
                    {
                        var order = await placed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
                        orders[order.Id()] = buyer.Client;
                        if (++round % 2 == 0)
                        {
                            clock.Restart();
                            using var paid = await buyer.Client.PostAsJsonAsync("/api/payments", new { orderId = order.Id(), token = "tok_visa" });
                            statuses.Add((paid.StatusCode, await CodeOf(paid), clock.Elapsed, Volatile.Read(ref outage) == 1));
                        }
                    }
                }
            }

            var shoppers = buyers.Select(Shop).ToArray();
            await Eventually.TrueAsync(() => Task.FromResult(orders.Count >= 20), TimeSpan.FromSeconds(30), "traffic is flowing");

            Volatile.Write(ref outage, 1);
            await database.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(10)); // the outage itself: a duration, not a wait for an event
            await database.StartAsync();
            Volatile.Write(ref outage, 0);
            var restored = DateTime.UtcNow;
            using var probe = gateway.CreateClient(buyers[0].Token);
            await Eventually.TrueAsync(async () =>
            {
                using var response = await probe.PostAsJsonAsync("/api/orders", new { eventId = drop.Id() });
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    orders[(await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).Id()] = probe;
                }

                return response.StatusCode == HttpStatusCode.Created;
            }, TimeSpan.FromSeconds(30), "orders succeed again after the database returns");
            var recoveredIn = DateTime.UtcNow - restored;
            await stop.CancelAsync();
            await Task.WhenAll(shoppers);

            var duringOutage = statuses.Where(s => s.DuringOutage).ToList();
            Assert.DoesNotContain(statuses, s => (int)s.Status >= 500 && s.Status != HttpStatusCode.ServiceUnavailable);
            Assert.Contains(duringOutage, s => s.Status == HttpStatusCode.ServiceUnavailable && s.Code == "storage_unavailable");
            Assert.All(statuses.Where(s => s.Status == HttpStatusCode.ServiceUnavailable), s => Assert.True(s.Took < TimeSpan.FromSeconds(6), $"a 503 took {s.Took}"));

            // Holds taken by orders that were never saved return when their reservation window runs out.
            var agreeBy = DateTime.UtcNow + window + TimeSpan.FromSeconds(60);
            var check = await TryCheckAsync(organizer.Client, drop.Id(), orders);
            while (!check.Agreed && DateTime.UtcNow < agreeBy)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
                check = await TryCheckAsync(organizer.Client, drop.Id(), orders);
            }

            Assert.True(check.Agreed, $"orders, tickets and the event still disagree: {check.Disagreement}");
            var final = await Consistency.CheckAsync(organizer.Client, drop.Id(), orders);
            output.WriteLine($"requests: {statuses.Count}, during the outage: {duringOutage.Count} ({duringOutage.Count(s => s.Status == HttpStatusCode.ServiceUnavailable)} × 503), " +
                $"slowest 503: {statuses.Where(s => s.Status == HttpStatusCode.ServiceUnavailable).Select(s => s.Took.TotalMilliseconds).DefaultIfEmpty().Max():0} ms, " +
                $"recovered {recoveredIn.TotalSeconds:0.0} s after the database returned; orders checked: {final.Orders}, live {final.Live}, paid {final.Complete}, anomalies {final.Anomalies}");
        }
        finally
        {
            if (!database.IsRunning)
            {
                await database.StartAsync();
            }

            await gateway.DisposeAsync();
        }
    }

    private static async Task<(bool Agreed, string Disagreement)> TryCheckAsync(HttpClient organizer, string eventId, IReadOnlyDictionary<string, HttpClient> orders)
    {
        try
        {
            await Consistency.CheckAsync(organizer, eventId, orders);
            return (true, "");
        }
        catch (Xunit.Sdk.XunitException e)
        {
            return (false, e.Message);
        }
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).Str("code")
            : null;
}
