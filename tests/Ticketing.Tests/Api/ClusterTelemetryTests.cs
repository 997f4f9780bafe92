using System.Diagnostics;
using System.Globalization;
using System.Net;
using Ticketing.Tests.Durable;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Api;

/// <summary>
/// The deployed shape: a silo host in a process of its own and a client-mode gateway in front of it, the
/// gateway serving <c>/metrics</c> on a port of its own, both exporting over OTLP to a stand-in collector.
/// </summary>
public sealed class TelemetryCluster : IAsyncLifetime
{
    public OtlpSink Collector { get; private set; } = null!;

    public SiloProcess Silo { get; private set; } = null!;

    public GatewayFixture Gateway { get; private set; } = null!;

    public Uri GatewayMetrics { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Collector = await OtlpSink.StartAsync();
        var clusterId = "telemetry-" + Ids.New()[..8];
        var otlp = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Export spans within a fifth of a second instead of every five seconds.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };

        Silo = await SiloProcess.StartAsync(new Dictionary<string, string>(otlp) { ["Ticketing:Silo:ClusterId"] = clusterId });
        using (var probe = new HttpClient { BaseAddress = Silo.HttpAddress })
        {
            await Eventually.TrueAsync(() => AnswersAsync(probe), TimeSpan.FromSeconds(30), "the silo's HTTP endpoint answers");
        }

        var metricsPort = FreePort.Next();
        GatewayMetrics = new Uri($"http://127.0.0.1:{metricsPort}");
        Gateway = new ClientGateway(new Dictionary<string, string>(otlp)
        {
            ["urls"] = $"http://127.0.0.1:0;{GatewayMetrics.ToString().TrimEnd('/')}",
            ["Ticketing:Cluster:Mode"] = "Client",
            ["Ticketing:Silo:ClusterId"] = clusterId,
            ["Ticketing:Silo:GatewayPort"] = Silo.GatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Ticketing:Telemetry:MetricsPort"] = metricsPort.ToString(CultureInfo.InvariantCulture),
            ["Ticketing:RateLimits:TokensPerSecond"] = "100000",
            ["Ticketing:RateLimits:Burst"] = "100000",
        }, metricsPort);
        await Gateway.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        if (Collector is not null)
        {
            await Collector.DisposeAsync();
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/healthz");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private sealed class ClientGateway(IReadOnlyDictionary<string, string> settings, int metricsPort) : GatewayFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings => settings;

        protected override Uri ApiAddress(ICollection<string> urls) => new(urls.Single(url => new Uri(url).Port != metricsPort));
    }
}

public sealed class ClusterTelemetryTests(TelemetryCluster cluster) : IClassFixture<TelemetryCluster>
{
    [Fact]
    public async Task ThePurchaseIsCountedByTheSiloWhoseGrainsMadeIt()
    {
        using var siloScraper = new HttpClient { BaseAddress = cluster.Silo.HttpAddress };
        var seller = await cluster.Gateway.SignUpAsync();
        var buyer = await cluster.Gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync();
        var before = await PrometheusScrape.FromAsync(siloScraper);

        var order = await buyer.OrderTicketAsync(ticket.Id());
        using var paid = await buyer.Client.PostJsonAsync("/api/payments", new { orderId = order.Id(), token = "tok_visa" });
        await paid.AssertJsonAsync(HttpStatusCode.Created);

        // Only this class's tests use this silo, one at a time: its counters moved by exactly this purchase.
        var after = await PrometheusScrape.AwaitAsync(siloScraper, s =>
            s.Sum("ticketing_payments_total", ("outcome", "succeeded")) > before.Sum("ticketing_payments_total", ("outcome", "succeeded")));
        Assert.Equal(1, after.Sum("ticketing_reservations_total", ("kind", "ticket")) - before.Sum("ticketing_reservations_total", ("kind", "ticket")));
        Assert.Equal(1, after.Sum("ticketing_payments_total", ("outcome", "succeeded")) - before.Sum("ticketing_payments_total", ("outcome", "succeeded")));
        Assert.Equal(before.Sum("ticketing_live_holds"), after.Sum("ticketing_live_holds"));
        Assert.Contains(after.Samples, s => s.Name.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.Equal("ticketing-silo", after.Samples.Single(s => s.Name == "target_info").Labels["service_name"]);
    }

    [Fact]
    public async Task AnHttpRequestsTraceFollowsItsGrainCallsIntoTheSilo()
    {
        var seller = await cluster.Gateway.SignUpAsync();
        var buyer = await cluster.Gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync();
        var traceId = ActivityTraceId.CreateRandom();
        var traceIdBytes = new byte[16];
        traceId.CopyTo(traceIdBytes);

        using var placed = await WithinTraceAsync(traceId, () => buyer.Client.PostJsonAsync("/api/orders", new { ticketId = ticket.Id() }));
        await placed.AssertJsonAsync(HttpStatusCode.Created);

        // The gateway's request span (ASP.NET Core's scope), and the silo's spans, which only the grain calls'
        // propagation can have put in this trace.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        bool FromGateway() => cluster.Collector.ReceivedTrace(traceIdBytes, "ticketing-gateway", "Microsoft.AspNetCore");
        bool FromSilo() => cluster.Collector.ReceivedTrace(traceIdBytes, "ticketing-silo", "Microsoft.Orleans");
        while (!(FromGateway() && FromSilo()) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.True(FromGateway(), $"The gateway exported no span of the request's trace; the collector got {cluster.Collector.Describe()}.");
        Assert.True(FromSilo(), $"The silo exported no span of the request's trace (its grain calls); the collector got {cluster.Collector.Describe()}.");
    }

    /// <summary>Sends a request inside a trace of the test's own making: HttpClient passes it on as <c>traceparent</c>.</summary>
    private static async Task<HttpResponseMessage> WithinTraceAsync(ActivityTraceId traceId, Func<Task<HttpResponseMessage>> send)
    {
        using var caller = new Activity("buyer").SetParentId(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start();
        return await send();
    }

    [Fact]
    public async Task TheGatewayServesMetricsOnlyOnItsMetricsPort()
    {
        using var api = cluster.Gateway.CreateClient();
        using var metrics = new HttpClient { BaseAddress = cluster.GatewayMetrics };

        using var onTheApiPort = await api.GetAsync("/metrics");
        var scrape = await PrometheusScrape.FromAsync(metrics);

        await onTheApiPort.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal("ticketing-gateway", scrape.Samples.Single(s => s.Name == "target_info").Labels["service_name"]);
        Assert.Contains(scrape.Samples, s => s.Name.StartsWith("orleans_", StringComparison.Ordinal));
    }
}
