using System.Globalization;
using Ticketing.Tests.Infrastructure;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Durable;

/// <summary>Settings for processes of one durable cluster on the shared throwaway PostgreSQL.</summary>
public static class DurableSettings
{
    /// <summary>Grain state is keyed by service id, so every process and every restart of a test shares it.</summary>
    public const string ServiceId = "ticketing-durable-tests";

    public static Dictionary<string, string> For(PostgresServer database, string clusterId, TimeSpan? reservationWindow = null) => new()
    {
        ["Ticketing:Storage"] = "Postgres",
        ["ConnectionStrings:Postgres"] = database.ConnectionString + ";Timeout=3;Command Timeout=5",
        ["Ticketing:Silo:ServiceId"] = ServiceId,
        ["Ticketing:Silo:ClusterId"] = clusterId,
        ["Ticketing:Orders:ReservationWindow"] = (reservationWindow ?? TimeSpan.FromMinutes(15)).ToString("c", CultureInfo.InvariantCulture),
        ["Ticketing:Reminders:MinimumPeriod"] = "00:00:05",
        ["Ticketing:Orders:PaymentRecoveryAfter"] = "00:00:10",
        ["Ticketing:RateLimits:TokensPerSecond"] = "100000",
        ["Ticketing:RateLimits:Burst"] = "100000",
    };
}

/// <summary>One throwaway PostgreSQL for every durable test, started and removed by the fixture.</summary>
[CollectionDefinition(Name)]
public sealed class DurableCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "durable";
}

/// <summary>A gateway with an embedded silo on the shared database; stoppable and startable again as a new process would.</summary>
public sealed class DurableGateway(IReadOnlyDictionary<string, string> settings) : GatewayFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => settings;
}
