using System.Globalization;
using System.Threading.RateLimiting;
using Ticketing.Gateway.Auth;

namespace Ticketing.Gateway.Infrastructure;

/// <summary>
/// <c>Ticketing:RateLimits</c>: a token bucket per signed-in user, else per client address. Health probes
/// are never limited, nor are Prometheus scrapes (<c>/metrics</c> is answered before this limiter, see
/// <c>TicketingTelemetry.UseTicketingMetrics</c>). Excess requests get 429 <c>rate_limited</c> with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public sealed class Options
    {
        public int TokensPerSecond { get; set; } = 100;
        public int Burst { get; set; } = 200;
    }

    public static IServiceCollection AddTicketingRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("Ticketing:RateLimits").Get<Options>() ?? new Options();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz"))
                {
                    return RateLimitPartition.GetNoLimiter("health");
                }

                var key = context.User.Identity?.IsAuthenticated == true
                    ? "user:" + context.User.UserIdOf()
                    : "ip:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.TokensPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Problems.Of(StatusCodes.Status429TooManyRequests, "rate_limited",
                    $"Too many requests; retry after {retryAfter} s.").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
