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
    public async Task RequestsBeyondTheBurstAre429WithRetryAfterButProbesAndScrapesAreNeverLimited()
    {
        using var client = gateway.CreateClient();

        // Twelve at once: the bucket holds three, and refills one a second, far slower than they arrive.
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.GetAsync("/api/events")));
        using var probe = await client.GetAsync("/healthz");
        using var scrape = await client.GetAsync("/metrics");

        var allowed = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.InRange(allowed, 3, 6);
        var limited = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(12 - allowed, limited.Count);
        foreach (var response in limited)
        {
            await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
            Assert.True(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture) >= 1);
        }

        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
