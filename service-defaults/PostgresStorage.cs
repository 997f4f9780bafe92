using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Ticketing.Hosting;

public static class PostgresStorage
{
    /// <summary>The ADO.NET provider name Orleans must be told (its default is SQL Server).</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Connections one process opens at most unless its connection string says otherwise. Few: queries wait for a
    /// connection rather than fail, PostgreSQL commits the waiting ones together, and each extra backend costs it
    /// scheduling (on two cores, 8 gave about a fifth less database CPU per reservation than 24).
    /// </summary>
    public const int DefaultMaxPoolSize = 8;

    /// <summary>Statements each pooled connection keeps prepared unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 32;

    /// <summary>
    /// The connection string with <see cref="DefaultMaxPoolSize"/> as its pool size, without the reset of pooled
    /// connections, with automatic preparation of up to <see cref="DefaultMaxAutoPrepare"/> statements, and with
    /// multiplexing, unless it sets any of them. Nothing in the product leaves session state on a connection (no SET,
    /// temporary table, LISTEN or advisory lock; the Orleans providers' queries neither), yet the reset sent a
    /// <c>DISCARD ALL</c> ahead of every command: in a durable drop that was one statement in two, and it threw away
    /// the plans of the storage functions each time. The Orleans providers send the same dozen query texts over and
    /// over without preparing them, so PostgreSQL parsed and planned each one anew: prepared once per connection, a
    /// durable drop cost the database about a fifth less CPU per reservation.
    /// <para>
    /// Multiplexing: each Orleans storage, membership and reminder call opens a connection for one statement and closes
    /// it. With multiplexing Npgsql sends the statements of all concurrent callers down the pool's few connections,
    /// many in one network write, instead of lending each caller a connection of its own for a round trip; every
    /// statement is still its own transaction, committed before its caller hears back. A durable drop's database CPU
    /// per reservation fell to about half. A transaction (the schema migrator's) still gets a connection of its own.
    /// </para>
    /// </summary>
    public static string WithPoolDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };

        // Whether the operator left the keyword out, under every one of its spellings.
        bool Unset(params string[] spellings) => !spellings.Any(given.ContainsKey);

        if (Unset("Maximum Pool Size", "MaxPoolSize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        if (Unset("No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (Unset("Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (Unset("Multiplexing"))
        {
            builder.Multiplexing = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Grain state is stored in Orleans' own binary format, keyed by the [Id]s and [Alias]es of our
    /// [GenerateSerializer] state records, not in the default Newtonsoft JSON with full type names: renaming or
    /// moving a state type then breaks no stored row, fields may be added, and rows are far smaller. The in-memory
    /// store of the embedded default uses it too: it copies every write, and JSON made that the costliest part of
    /// a reservation.
    /// </summary>
    public static IServiceCollection UseOrleansBinaryStateFormat<TOptions>(this IServiceCollection services, string storageName)
        where TOptions : class, IStorageProviderSerializerOptions
    {
        services.AddOptions<TOptions>(storageName).Configure<IServiceProvider>((options, provider) =>
            options.GrainStorageSerializer = new OrleansGrainStorageSerializer(provider.GetRequiredService<Serializer>()));
        return services;
    }
}
