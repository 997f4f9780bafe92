using System.Globalization;
using System.Net;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Api;

/// <summary>A gateway whose rate limit is tiny, so the 429 path can be reached in a few requests.</summary>
public sealed class TightRateLimitGateway : GatewayFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Ticketing:RateLimits:TokensPerSecond"] = "1",
        ["Ticketing:RateLimits:Burst"] = "3",
    };
}

public sealed class RateLimitTests(TightRateLimitGateway gateway) : IClassFixture<TightRateLimitGateway>
{
    [Fact]
    public async Task RequestsBeyondTheBurstAre429WithRetryAfterButProbesAreNeverLimited()
    {
        using var client = gateway.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("/api/events");
            statuses.Add(response.StatusCode);
        }

        using var limited = await client.GetAsync("/api/events");
        using var probe = await client.GetAsync("/healthz");

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }
}
