using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Ticketing.Common;

// In the hosts' namespace, so the silo host and the gateway add telemetry with one line each.
namespace Ticketing.Hosting;

/// <summary>
/// OpenTelemetry for both hosts. Metrics (the <c>Ticketing</c> meter, Orleans, ASP.NET Core, HttpClient, the
/// runtime, Npgsql) are always collected and served to Prometheus at <see cref="MetricsPath"/>. Traces, and a
/// copy of metrics and logs, go out over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: without a
/// collector no span is recorded, and grain calls carry no trace context, so they cost nothing.
/// </summary>
public static class TicketingTelemetry
{
    public const string MetricsPath = "/metrics";

    /// <summary>The standard OpenTelemetry variable; the OTLP exporter reads it (and its siblings) itself.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>When set, <see cref="MetricsPath"/> answers only on this local port, kept off the public Service.</summary>
    public const string MetricsPortKey = "Ticketing:Telemetry:MetricsPort";

    private const string OrleansMeter = "Microsoft.Orleans";

    // Orleans' spans: grain calls (application grains and the runtime's own), activation, storage, lifecycle.
    private const string OrleansSources = "Microsoft.Orleans.*";

    /// <summary>
    /// Orleans instruments recorded on every message or every activation's directory entry, which no dashboard of
    /// ours reads: a drop sends several messages per reservation, and recording them was about 3 % of the embedded
    /// process's CPU. Per-method call counts and latencies are on the Orleans dashboard; failures, expiries,
    /// rejections, activations, storage latency, reminders and streams stay exported.
    /// </summary>
    public static readonly IReadOnlyList<string> PerMessageOrleansInstruments =
    [
        "orleans-messaging-sent-local",
        "orleans-messaging-sent-messages-size",
        "orleans-messaging-received-messages-size",
        "orleans-messaging-sent-header-size",
        "orleans-messaging-received-header-size",
        "orleans-messaging-processing-*",
        "orleans-gateway-sent",
        "orleans-gateway-received",
        "orleans-app-requests-latency",
        "orleans-directory-lookups-*",
        "orleans-directory-registration*",
        "orleans-directory-unregistrations-*",
    ];

    // Npgsql reports its commands and connection pool without an extra package.
    private const string Npgsql = "Npgsql";

    /// <summary>Whether this process exports traces (and so propagates trace context through grain calls).</summary>
    public static bool ExportsTraces(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);

    /// <param name="serviceName">The <c>service.name</c> of this host, e.g. <c>ticketing-silo</c>.</param>
    public static IHostApplicationBuilder AddTicketingTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(TicketingMetrics.MeterName, OrleansMeter, Npgsql)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                foreach (var instrument in PerMessageOrleansInstruments)
                {
                    metrics.AddView(instrument, MetricStreamConfiguration.Drop);
                }
            });

        if (ExportsTraces(builder.Configuration))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(OrleansSources, Npgsql)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsOperational(context.Request.Path))
                .AddHttpClientInstrumentation());
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Serves the Prometheus scrape at <see cref="MetricsPath"/>, anonymous and ahead of authentication and rate
    /// limits (a scraper has no account, and a limited scrape is a gap in every graph). With
    /// <see cref="MetricsPortKey"/> set it answers only on that port, and 404 on any other.
    /// </summary>
    public static IApplicationBuilder UseTicketingMetrics(this IApplicationBuilder app, IConfiguration configuration)
    {
        var port = configuration.GetValue<int?>(MetricsPortKey);
        if (port is { } only)
        {
            app.Use(next => context =>
            {
                if (context.Request.Path == MetricsPath && context.Connection.LocalPort != only)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                return next(context);
            });
        }

        return app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Request.Path == MetricsPath);
    }

    /// <summary>Probes and scrapes arrive every few seconds from machines: they would drown the traces of people.</summary>
    private static bool IsOperational(PathString path) =>
        path == MetricsPath || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
