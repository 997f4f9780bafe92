using Ticketing.Hosting;
using Ticketing.Hosting.Database;

namespace Ticketing.Silo;

/// <summary>The <c>db migrate</c> command: applies pending schema migrations, reports, exits.</summary>
public static class DatabaseCommand
{
    public static async Task<int> MigrateAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Ticketing.Database");
        var connectionString = ClusterSettings.From(builder.Configuration).PostgresConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync("ConnectionStrings:Postgres is not set (e.g. ConnectionStrings__Postgres=\"Host=…;Database=…\").");
            return 2;
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var result = await SchemaMigrator.MigrateAsync(connectionString, logger, cancel.Token);
        Console.WriteLine(result.WasUpToDate
            ? $"Schema is up to date at version {result.CurrentVersion}."
            : $"Schema migrated from version {result.PreviousVersion} to {result.CurrentVersion} (applied {string.Join(", ", result.Applied.Select(m => $"{m.Version:D4}_{m.Name}"))}).");
        return 0;
    }
}
