using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Ticketing.Common;
using Ticketing.Hosting;
using Ticketing.Integration;
using Ticketing.Payments;

namespace Ticketing.Grains.Tests.Infrastructure;

/// <summary>
/// The silo of <c>service-defaults/TicketingSilo.cs</c> in its memory mode, minus its clustering (the test cluster
/// brings its own) and dashboard: the in-process grain store and reminder table (shared by the cluster's silos; brand-new grains skip their read), the in-memory outbox clean-up timing, the hint and storage fault filters, memory
/// domain streams, the grain services, and every endpoint on 127.0.0.1.
/// </summary>
internal static class TicketingTestSilo
{
    /// <summary>Low enough that a reminder backstop fires within a test, as the real silo allows by configuration.</summary>
    public static readonly TimeSpan MinimumReminderPeriod = TimeSpan.FromSeconds(2);

    private static readonly ConcurrentDictionary<string, InProcessStores> StoresByCluster = new();

    public static void Configure(ISiloBuilder silo, IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        // Runs after the test cluster picked the ports, so only the address changes: listen where we advertise.
        silo.Services.PostConfigure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = IPAddress.Loopback;
            o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, o.SiloPort);
            o.GatewayListeningEndpoint = o.GatewayPort == 0 ? null : new IPEndPoint(IPAddress.Loopback, o.GatewayPort);
        });

        // The silos of a test cluster run in this process: they share its in-process store, as one process's would.
        silo.Services.AddSingleton(provider => StoresOf(provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId));
        silo.UseInProcessStores(StorageNames.Grains);
        silo.SkipReadsOfBrandNewGrains(StorageNames.Grains);
        silo.AddIncomingGrainCallFilter<StorageFaultFilter>();
        silo.AddMemoryGrainStorage("PubSubStore");
        silo.AddMemoryStreams(DomainStreams.Provider);
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = MinimumReminderPeriod);
        silo.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));

        // The built-in test processor, seen through a recorder so tests can count the charges a silo kept.
        silo.Services.AddSingleton<TestPaymentProcessor>();
        silo.Services.AddSingleton<RecordingPaymentProcessor>();
        silo.Services.AddSingleton<IPaymentProcessor>(sp => sp.GetRequiredService<RecordingPaymentProcessor>());

        silo.Services.AddTicketingGrainServices(configuration);
    }

    private static InProcessStores StoresOf(string clusterId) => StoresByCluster.GetOrAdd(clusterId, _ => new InProcessStores());
}
