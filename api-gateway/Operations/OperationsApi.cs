using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Dashboard;
using Scalar.AspNetCore;
using Ticketing.Gateway.Auth;
using Ticketing.Hosting;

namespace Ticketing.Gateway.Operations;

public static class OperationsApi
{
    /// <summary>Liveness (the process) and readiness (the cluster answers, and the database when durable).</summary>
    public static IServiceCollection AddTicketingHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var health = services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        if (ClusterSettings.From(configuration).Storage == StorageKind.Postgres)
        {
            health.AddCheck<PostgresHealthCheck>("storage", tags: ["ready"]);
        }

        return services;
    }

    /// <summary>Health probes, the OpenAPI document and its browsable reference, and the operators' dashboard.</summary>
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting();
        routes.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") })
            .DisableRateLimiting();
        routes.MapOpenApi();
        routes.MapScalarApiReference("/docs", options => options.WithTitle("Ticketing API"));
        routes.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(AuthSetup.OperatorPolicy).ExcludeFromDescription();
        return routes;
    }
}
