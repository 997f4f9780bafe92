using Ticketing.Hosting;

namespace Ticketing.Gateway;

public static class ClusterHosting
{
    /// <summary>
    /// Embedded (default): this process co-hosts a silo. Client: it joins the silos of a cluster as an
    /// Orleans client. Either way the handlers see one <see cref="IGrainFactory"/>.
    /// </summary>
    public static WebApplicationBuilder AddTicketingCluster(this WebApplicationBuilder builder)
    {
        if (ClusterSettings.From(builder.Configuration).Mode == ClusterMode.Client)
        {
            builder.AddTicketingClientHost();
        }
        else
        {
            builder.AddTicketingSiloHost();
        }

        return builder;
    }
}
