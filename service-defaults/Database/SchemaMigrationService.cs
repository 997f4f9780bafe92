using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ticketing.Hosting.Database;

/// <summary>
/// Brings the PostgreSQL schema up to date before Orleans starts in this process (it is registered ahead of
/// the silo or client). Safe when several processes start at once: migrations run under an advisory lock.
/// </summary>
public sealed class SchemaMigrationService(ClusterSettings settings, ILogger<SchemaMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await SchemaMigrator.MigrateAsync(settings.RequirePostgres(), logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
