using System.Net;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Ticketing.Hosting;

/// <summary>The gateway's Orleans client when the silos run in their own processes.</summary>
public static class TicketingClient
{
    public static IClientBuilder AddTicketingClient(this IClientBuilder client, IConfiguration configuration)
    {
        var settings = ClusterSettings.From(configuration);
        var connectAttempts = 0;
        client.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = settings.ServiceId;
            o.ClusterId = settings.ClusterId;
        });

        switch (settings.Storage)
        {
            case StorageKind.Memory:
                client.UseStaticClustering(new IPEndPoint(settings.AdvertisedIP, settings.GatewayPort));
                break;
            case StorageKind.Postgres:
                var connectionString = settings.RequirePostgres();
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = PostgresStorage.Invariant;
                    o.ConnectionString = connectionString;
                });
                break;
        }

        // Silos may still be starting (or restarting): keep trying for a minute before giving up.
        client.UseConnectionRetryFilter(async (exception, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return ++connectAttempts < 60;
        });

        if (TicketingTelemetry.ExportsTraces(configuration))
        {
            // The gateway's grain calls carry its HTTP request's trace to the silos.
            client.AddActivityPropagation();
        }

        client.AddTicketingStreams(configuration);
        client.AddDashboard();
        return client;
    }
}
