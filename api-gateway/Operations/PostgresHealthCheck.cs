using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Ticketing.Hosting;

namespace Ticketing.Gateway.Operations;

/// <summary>Ready only while the database answers a trivial query within two seconds.</summary>
public sealed class PostgresHealthCheck(ClusterSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await using var connection = new NpgsqlConnection(settings.RequirePostgres());
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL did not answer.", e);
        }
    }
}
