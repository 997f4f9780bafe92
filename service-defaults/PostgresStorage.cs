using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Ticketing.Hosting;

public static class PostgresStorage
{
    /// <summary>The ADO.NET provider name Orleans must be told (its default is SQL Server).</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Grain state is stored in Orleans' own binary format, keyed by the [Id]s and [Alias]es of our
    /// [GenerateSerializer] state records, not in the default Newtonsoft JSON with full type names: renaming or
    /// moving a state type then breaks no stored row, fields may be added, and rows are far smaller.
    /// </summary>
    public static IServiceCollection UseOrleansBinaryStateFormat(this IServiceCollection services, string storageName)
    {
        services.AddOptions<AdoNetGrainStorageOptions>(storageName).Configure<IServiceProvider>((options, provider) =>
            options.GrainStorageSerializer = new OrleansGrainStorageSerializer(provider.GetRequiredService<Serializer>()));
        return services;
    }
}
