using System.Net;
using Ticketing.Testing;
using Ticketing.Tests.Infrastructure;
using Ticketing.Tests.Support;
using Xunit.Abstractions;

namespace Ticketing.Tests.Durable;

/// <summary>
/// A client-mode gateway's live feed is an explicit stream subscription, recorded in PubSubStore. With the durable
/// cluster's PostgreSQL there, it outlives the silo that held it: here the only silo dies and a new one takes its
/// place, every activation and stream agent starts afresh, and the open feed goes on.
/// </summary>
[Collection(DurableCollection.Name)]
public sealed class LiveFeedFailoverTests(PostgresServer database, ITestOutputHelper output)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AnOpenLiveFeedKeepsCountingAfterItsSiloIsKilledAndReplaced()
    {
        var settings = DurableSettings.For(database, "live-feed-" + Ids.New()[..8]);
        var silo = await SiloProcess.StartAsync(settings);
        var gateway = new DurableGateway(new Dictionary<string, string>(settings)
        {
            ["Ticketing:Cluster:Mode"] = "Client",
            ["Ticketing:Silo:GatewayPort"] = silo.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        try
        {
            await gateway.InitializeAsync();
            var organizer = await gateway.SignUpAsync();
            var drop = (await organizer.CreateEventAsync(capacity: 5)).Id();
            await using var watcher = await SseReader.OpenAsync(gateway.CreateClient(), drop);
            await watcher.WaitForAsync(m => m == (5, 0), Within, "the counters arrive at once");
            await (await gateway.SignUpAsync()).OrderFromEventAsync(drop);
            await watcher.WaitForAsync(m => m == (4, 0), Within, "the counter falls to 4");

            await silo.KillAsync();
            await silo.DisposeAsync();
            silo = await SiloProcess.StartAsync(settings, silo.SiloPort, silo.GatewayPort);
            await Eventually.TrueAsync(
                async () =>
                {
                    using var read = await organizer.Client.GetAsync($"/api/events/{drop}");
                    return read.StatusCode == HttpStatusCode.OK;
                },
                TimeSpan.FromSeconds(60), "the gateway reaches the new silo");
            await (await gateway.SignUpAsync()).OrderFromEventAsync(drop);

            await watcher.WaitForAsync(m => m == (3, 0), Within, "the open feed shows the order placed on the new silo");
            output.WriteLine($"live feed read: {string.Join(", ", watcher.Messages.Select(m => $"{m.Available}/{m.Sold}"))}");
        }
        finally
        {
            await gateway.DisposeAsync();
            await silo.DisposeAsync();
        }
    }
}
