using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Dashboard;
using Ticketing.Common;

namespace Ticketing.Hosting;

/// <summary>The one silo configuration, used by the silo host and by the gateway's embedded silo alike.</summary>
public static class TicketingSilo
{
    /// <summary>Grain locations a silo of the in-memory default keeps cached (Orleans' default is 1,000,000).</summary>
    public const int InMemoryLocationCacheSize = 100_000;

    public static ISiloBuilder AddTicketingSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = ClusterSettings.From(configuration);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = settings.ServiceId;
            o.ClusterId = settings.ClusterId;
        });
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = settings.AdvertisedIP;
            o.SiloPort = settings.SiloPort;
            o.GatewayPort = settings.GatewayPort;
            // Listen where we advertise: locally that is 127.0.0.1, never the machine's other addresses.
            o.SiloListeningEndpoint = new IPEndPoint(settings.AdvertisedIP, settings.SiloPort);
            o.GatewayListeningEndpoint = new IPEndPoint(settings.AdvertisedIP, settings.GatewayPort);
        });

        switch (settings.Storage)
        {
            case StorageKind.Memory:
                RequireOneProcess(silo, settings);
                silo.UseDevelopmentClustering(new IPEndPoint(settings.AdvertisedIP, settings.PrimarySiloPort));
                silo.UseInProcessStores(StorageNames.Grains);
                silo.AddMemoryGrainStorage(TicketingStreams.PubSubStore);

                // Orleans caches up to a million grain locations by default; after a sell-out nearly all of them name
                // orders and tickets that have since rested (about 80 MB for 100,000 seats). One process holding
                // everything in memory keeps the most recent 100,000.
                silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = InMemoryLocationCacheSize);
                break;
            case StorageKind.Postgres:
                var connectionString = settings.RequirePostgres();
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = PostgresStorage.Invariant;
                    o.ConnectionString = connectionString;
                });
                silo.AddAdoNetGrainStorage(StorageNames.Grains, o =>
                {
                    o.Invariant = PostgresStorage.Invariant;
                    o.ConnectionString = connectionString;
                });
                silo.Services.UseOrleansBinaryStateFormat<AdoNetGrainStorageOptions>(StorageNames.Grains);

                // Explicit stream subscriptions (each gateway's live feeds) outlive the silo that held them.
                silo.AddAdoNetGrainStorage(TicketingStreams.PubSubStore, o =>
                {
                    o.Invariant = PostgresStorage.Invariant;
                    o.ConnectionString = connectionString;
                });
                silo.Services.UseOrleansBinaryStateFormat<AdoNetGrainStorageOptions>(TicketingStreams.PubSubStore);
                silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = PostgresStorage.Invariant;
                    o.ConnectionString = connectionString;
                });
                break;
        }

        silo.SkipReadsOfBrandNewGrains(StorageNames.Grains);
        silo.AddIncomingGrainCallFilter<StorageFaultFilter>();
        if (TicketingTelemetry.ExportsTraces(configuration))
        {
            // Grain calls join the caller's trace (an HTTP request's, or another grain call's).
            silo.AddActivityPropagation();
        }

        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = settings.MinimumReminderPeriod);
        silo.AddTicketingStreams(configuration);
        silo.AddDashboard();
        silo.Services.AddTicketingGrainServices(configuration);
        return silo;
    }

    /// <summary>
    /// Memory storage keeps grain state and reminders in this process (<see cref="InProcessStores"/>), so a silo that
    /// joins another may only do so from the same process, handed that process's stores by its host.
    /// </summary>
    private static void RequireOneProcess(ISiloBuilder silo, ClusterSettings settings)
    {
        var joinsAnotherSilo = settings.PrimarySiloPort != settings.SiloPort;
        if (joinsAnotherSilo && !silo.Services.Any(d => d.ServiceType == typeof(InProcessStores)))
        {
            throw new InvalidOperationException(
                $"This silo would join the silo on port {settings.PrimarySiloPort}, but with Ticketing:Storage=Memory grain state "
                + "and reminders live in one process's memory, which a silo in another process cannot share. "
                + "Run a cluster of several processes with Ticketing:Storage=Postgres.");
        }
    }
}
