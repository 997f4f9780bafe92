using System.Net;
using Microsoft.Extensions.Configuration;

namespace Ticketing.Hosting;

/// <summary>
/// How this process takes part in the cluster, read from <c>Ticketing:*</c>. The defaults describe the
/// embedded mode: one process, a silo co-hosted with the gateway, memory storage, everything on 127.0.0.1.
/// </summary>
public sealed record ClusterSettings
{
    /// <summary><c>Ticketing:Cluster:Mode</c>: <c>Embedded</c> (gateway co-hosts a silo) or <c>Client</c>.</summary>
    public ClusterMode Mode { get; init; } = ClusterMode.Embedded;

    /// <summary><c>Ticketing:Storage</c>: <c>Memory</c> (default) or <c>Postgres</c>.</summary>
    public StorageKind Storage { get; init; } = StorageKind.Memory;

    /// <summary><c>ConnectionStrings:Postgres</c>: grain state, membership and reminders when storage is Postgres.</summary>
    public string? PostgresConnectionString { get; init; }

    public string ServiceId { get; init; } = "ticketing";
    public string ClusterId { get; init; } = "dev";
    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;

    /// <summary>The silo port of the first silo, which others join in memory (development) clustering.</summary>
    public int PrimarySiloPort { get; init; } = 11111;

    public IPAddress AdvertisedIP { get; init; } = IPAddress.Loopback;

    /// <summary>Lower bound of reminder periods; tests lower it to see durable expiry within seconds.</summary>
    public TimeSpan MinimumReminderPeriod { get; init; } = TimeSpan.FromMinutes(1);

    public static ClusterSettings From(IConfiguration configuration)
    {
        var defaults = new ClusterSettings();
        var silo = configuration.GetSection("Ticketing:Silo");
        return new ClusterSettings
        {
            Mode = configuration.GetValue("Ticketing:Cluster:Mode", defaults.Mode),
            Storage = configuration.GetValue("Ticketing:Storage", defaults.Storage),
            PostgresConnectionString = configuration.GetConnectionString("Postgres"),
            ServiceId = silo.GetValue("ServiceId", defaults.ServiceId)!,
            ClusterId = silo.GetValue("ClusterId", defaults.ClusterId)!,
            SiloPort = silo.GetValue("SiloPort", defaults.SiloPort),
            GatewayPort = silo.GetValue("GatewayPort", defaults.GatewayPort),
            PrimarySiloPort = silo.GetValue("PrimarySiloPort", silo.GetValue("SiloPort", defaults.PrimarySiloPort)),
            AdvertisedIP = silo["AdvertisedIP"] is { Length: > 0 } ip ? IPAddress.Parse(ip) : defaults.AdvertisedIP,
            MinimumReminderPeriod = configuration.GetValue("Ticketing:Reminders:MinimumPeriod", defaults.MinimumReminderPeriod),
        };
    }

    /// <summary>
    /// The PostgreSQL connection string, or a clear refusal to start without one. Unless it sets a pool size
    /// itself, each process is held to <see cref="PostgresStorage.DefaultMaxPoolSize"/> connections: in a drop
    /// hundreds of grains write at once, and Npgsql's default of 100 per process would take every connection the
    /// server has (its own default is 100 in all), so queries failed instead of waiting their turn. Pooled
    /// connections are not reset between commands unless it asks (see <see cref="PostgresStorage.WithPoolDefaults"/>).
    /// </summary>
    public string RequirePostgres() => string.IsNullOrWhiteSpace(PostgresConnectionString)
        ? throw new InvalidOperationException("Ticketing:Storage is Postgres but ConnectionStrings:Postgres is not set.")
        : PostgresStorage.WithPoolDefaults(PostgresConnectionString);
}

public enum ClusterMode
{
    Embedded,
    Client,
}

public enum StorageKind
{
    Memory,
    Postgres,
}
