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
        }

        client.AddDashboard();
        return client;
    }
}
