using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ticketing.Gateway.Auth;
using Ticketing.Gateway.Events;
using Ticketing.Gateway.Infrastructure;
using Ticketing.Gateway.Operations;
using Ticketing.Gateway.Orders;
using Ticketing.Gateway.Payments;
using Ticketing.Gateway.Tickets;
using Ticketing.Gateway.Users;
using Ticketing.Hosting;

namespace Ticketing.Gateway;

/// <summary>The gateway: HTTP in, grain calls out. Tests build it exactly as <c>Program</c> does.</summary>
public static partial class GatewayApp
{
    public const string DefaultUrl = "http://localhost:5080";
    public const int MaxBodyBytes = 64 * 1024;

    /// <param name="args">Command-line settings.</param>
    /// <param name="configure">A last say over the host's services before it is built (tests add a log recorder).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.AddTicketingCluster();
        builder.AddTicketingTelemetry("ticketing-gateway");

        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });
        builder.Services.AddTicketingProblems();
        builder.Services.AddTicketingAuth(builder.Configuration, builder.Environment);
        builder.Services.AddTicketingRateLimits(builder.Configuration);
        builder.Services.AddTicketingHealthChecks(builder.Configuration);
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<EventReads>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseTicketingMetrics(app.Configuration);
        app.UseStorefront();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapUsersApi();
        app.MapTicketsApi();
        app.MapEventsApi();
        app.MapLiveAvailability();
        app.MapOrdersApi();
        app.MapPaymentsApi();
        app.MapOperations();
        app.MapStorefrontFallback();

        WarnAboutEphemeralKey(app);
        app.Lifetime.ApplicationStarted.Register(() => LogListening(app.Logger, app.Urls));
        return app;
    }

    private static void WarnAboutEphemeralKey(WebApplication app)
    {
        if (app.Services.GetRequiredService<JwtSettings>().KeyIsEphemeral)
        {
            LogEphemeralKey(app.Logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticketing is listening on {Urls}")]
    private static partial void LogListening(ILogger logger, ICollection<string> urls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticketing:Jwt:SigningKey is not set: using a random key for this process; sessions end when it stops")]
    private static partial void LogEphemeralKey(ILogger logger);
}
