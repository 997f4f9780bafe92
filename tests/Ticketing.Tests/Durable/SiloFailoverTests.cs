using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Events;
using Ticketing.Tests.Infrastructure;
using Ticketing.Tests.Support;
using Xunit.Abstractions;

namespace Ticketing.Tests.Durable;

/// <summary>Three silo processes and a client-mode gateway on PostgreSQL; the silo hosting a busy drop dies.</summary>
[Collection(DurableCollection.Name)]
public sealed class SiloFailoverTests(PostgresServer database, ITestOutputHelper output)
{
    [Fact]
    public async Task KillingTheSiloThatHostsABusyDropSellsNothingTwiceAndServiceReturnsWithinAMinute()
    {
        var window = TimeSpan.FromSeconds(15);
        var settings = DurableSettings.For(database, "failover-" + Ids.New()[..8], window);
        var silos = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SiloProcess.StartAsync(settings)));
        var gateway = new DurableGateway(new Dictionary<string, string>(settings) { ["Ticketing:Cluster:Mode"] = "Client" });
        try
        {
            await gateway.InitializeAsync();
            var organizer = await gateway.SignUpAsync();
            var buyers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => gateway.SignUpAsync()));
            var drop = await organizer.CreateEventAsync(capacity: 3_000);
            var orders = new ConcurrentDictionary<string, HttpClient>();
            var failures = new ConcurrentBag<(DateTime At, HttpStatusCode Status)>();
            var answered = new ConcurrentBag<DateTime>();
            using var stop = new CancellationTokenSource();

            async Task Shop(TestUser buyer)
            {
                var round = 0;
                while (!stop.IsCancellationRequested)
                {
                    using var placed = await buyer.Client.PostAsJsonAsync("/api/orders", new { eventId = drop.Id() });
                    Record(placed.StatusCode);
                    if (placed.StatusCode == HttpStatusCode.Created)
                    {
                        var order = await placed.Content.ReadFromJsonAsync<JsonElement>();
                        orders[order.Id()] = buyer.Client;
                        if (++round % 3 == 0)
                        {
                            using var paid = await buyer.Client.PostAsJsonAsync("/api/payments", new { orderId = order.Id(), token = "tok_visa" });
                            Record(paid.StatusCode);
                        }
                    }

                    // Pace each buyer so the drop lasts through the failover instead of selling out first.
                    await Task.Delay(TimeSpan.FromMilliseconds(50));
                }
            }

            void Record(HttpStatusCode status)
            {
                if ((int)status >= 500)
                {
                    failures.Add((DateTime.UtcNow, status));
                }
                else
                {
                    answered.Add(DateTime.UtcNow);
                }
            }

            var shoppers = buyers.Select(Shop).ToArray();
            await Eventually.TrueAsync(() => Task.FromResult(orders.Count >= 30), TimeSpan.FromSeconds(60), "the drop is busy");

            var grains = gateway.Services.GetRequiredService<IGrainFactory>();
            var host = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IEventGrain>(drop.Id()));
            var victim = silos.Single(s => s.SiloPort == host!.Endpoint.Port);
            victim.Kill();
            var killedAt = DateTime.UtcNow;

            // Service is back when requests after some moment all succeed again; that moment must come within 60 s.
            await Eventually.TrueAsync(
                () => Task.FromResult(answered.Count(a => a > LastFailureOr(killedAt)) >= 50),
                TimeSpan.FromSeconds(75), "fifty requests in a row are answered normally after the kill");
            var recoveredAfter = LastFailureOr(killedAt) - killedAt;
            await stop.CancelAsync();
            await Task.WhenAll(shoppers);

            Assert.True(recoveredAfter < TimeSpan.FromSeconds(60), $"requests still failed {recoveredAfter.TotalSeconds:0} s after the kill");
            var notUnavailable = failures.Where(f => f.Status != HttpStatusCode.ServiceUnavailable).ToList();
            Assert.True(notUnavailable.Count == 0,
                $"{notUnavailable.Count} requests failed with {string.Join(", ", notUnavailable.Select(f => f.Status).Distinct())} " +
                $"instead of 503; the gateway first logged: {gateway.LoggedErrors.FirstOrDefault()}");
            Assert.All(failures, f => Assert.True(f.At >= killedAt, "a request failed before the kill"));

            // Every unpaid order expires by its own timers and reminders, including those whose grains lived on the
            // dead silo: the event's counters are watched, no order is touched until they settle.
            var settleBy = DateTime.UtcNow + window + TimeSpan.FromSeconds(60);
            var settled = false;
            while (!settled && DateTime.UtcNow < settleBy)
            {
                var current = await organizer.Client.GetJsonAsync($"/api/events/{drop.Id()}");
                settled = current.GetProperty("available").GetInt32() + current.GetProperty("sold").GetInt32() == 3_000;
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }

            if (!settled)
            {
                var open = new List<string>();
                foreach (var (orderId, owner) in orders)
                {
                    var order = await owner.GetJsonAsync($"/api/orders/{orderId}");
                    if (order.Str("status") is not ("complete" or "cancelled"))
                    {
                        open.Add($"{orderId}: {order.Str("status")} until {order.Str("expiresAt")}");
                    }
                }

                Assert.Fail($"Unpaid holds did not all expire within {window.TotalSeconds + 60:0} s; open orders: {string.Join("; ", open)}");
            }
            var report = await Consistency.CheckAsync(organizer.Client, drop.Id(), orders);
            Assert.Equal(report.Complete, report.Live);
            output.WriteLine($"orders: {report.Orders}, paid: {report.Complete}, failed requests (503): {failures.Count}, " +
                $"service normal again {recoveredAfter.TotalSeconds:0.0} s after the kill, anomalies: {report.Anomalies}");

            DateTime LastFailureOr(DateTime fallback) => failures.IsEmpty ? fallback : failures.Max(f => f.At);
        }
        finally
        {
            await gateway.DisposeAsync();
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }
}
