using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ticketing.Hosting.Database;

namespace Ticketing.Hosting;

/// <summary>How a process joins the cluster: as a silo (the silo host, or the gateway's embedded silo) or as a client.</summary>
public static class TicketingHosting
{
    public static IHostApplicationBuilder AddTicketingSiloHost(this IHostApplicationBuilder builder)
    {
        builder.AddSchemaMigrationIfDurable();
        builder.UseOrleans(silo => silo.AddTicketingSilo(builder.Configuration));
        return builder;
    }

    public static IHostApplicationBuilder AddTicketingClientHost(this IHostApplicationBuilder builder)
    {
        builder.AddSchemaMigrationIfDurable();
        builder.UseOrleansClient(client => client.AddTicketingClient(builder.Configuration));
        return builder;
    }

    // Hosted services start in the order they were added: the schema is in place before Orleans reads it.
    private static void AddSchemaMigrationIfDurable(this IHostApplicationBuilder builder)
    {
        var settings = ClusterSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        if (settings.Storage == StorageKind.Postgres)
        {
            builder.Services.AddHostedService<SchemaMigrationService>();
        }
    }
}
