using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ticketing.Events;

namespace Ticketing.Gateway.Operations;

/// <summary>Ready when a grain call (and so the cluster and its storage) answers within two seconds.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.EventCatalog().ListAsync(null, 1).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            return HealthCheckResult.Unhealthy("The cluster did not answer.", e);
        }
    }
}
