using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ticketing.Gateway.Operations;

/// <summary>
/// Ready when the cluster answers a grain call within two seconds and has an active silo. It asks the cluster's
/// management grain, not a catalog: a listing read waits for its stream, and a slow stream must not take every
/// gateway out of service. The storage has a check of its own.
/// </summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(true, cancellationToken).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return silos.Count > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The cluster has no active silo.");
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            return HealthCheckResult.Unhealthy("The cluster did not answer.", e);
        }
    }
}
