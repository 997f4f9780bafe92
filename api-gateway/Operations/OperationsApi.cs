using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Dashboard;
using Scalar.AspNetCore;
using Ticketing.Gateway.Auth;
using Ticketing.Hosting;

namespace Ticketing.Gateway.Operations;

public static class OperationsApi
{
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
