using Ticketing.Tests.Support;

namespace Ticketing.Tests.Storefront;

/// <summary>A gateway of its own for the browser flows, so they run beside the API tests.</summary>
public sealed class StorefrontGateway : GatewayFixture;

/// <summary>
/// The storefront's own suites, run as part of the .NET test run: its Vitest component tests, and its
/// end-to-end flows in headless Debian Chromium against a real gateway (screenshots in web/e2e/artifacts).
/// </summary>
public sealed class StorefrontTests(StorefrontGateway gateway) : IClassFixture<StorefrontGateway>
{
    private const string Chromium = "/usr/bin/chromium";

    private static string WebFolder => Path.Combine(GatewayFixture.GatewayContentRoot, "web");

    [Fact]
    public async Task ComponentTestsPass()
    {
        var run = await ExternalProcess.RunAsync("npm", "test --silent", WebFolder, TimeSpan.FromMinutes(3),
            new Dictionary<string, string> { ["NO_COLOR"] = "1", ["FORCE_COLOR"] = "0", ["CI"] = "true" });

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches(@"Tests\s+\d+ passed", run.Output);
    }

    [Fact]
    public async Task SellBuyPayDeclineAndDropFlowsPassInARealBrowser()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (scripts/test.sh does).");

        var run = await ExternalProcess.RunAsync("node", "e2e/run.mjs", WebFolder, TimeSpan.FromMinutes(4),
            new Dictionary<string, string> { ["BASE_URL"] = gateway.BaseAddress.ToString().TrimEnd('/') });

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("4 passed, 0 failed", run.Output, StringComparison.Ordinal);
    }
}
