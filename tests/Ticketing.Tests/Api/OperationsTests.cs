using System.Net;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Api;

[Collection(GatewayCollection.Name)]
public sealed class OperationsTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task HealthProbesAnswer200WhileTheClusterAnswers(string path)
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryContractRoute()
    {
        using var client = gateway.CreateClient();

        var document = await client.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        string[][] expected =
        [
            ["/api/users/signup", "post"], ["/api/users/signin", "post"], ["/api/users/signout", "post"],
            ["/api/users/currentuser", "get"], ["/api/tickets", "get"], ["/api/tickets", "post"],
            ["/api/tickets/{id}", "get"], ["/api/tickets/{id}", "put"], ["/api/events", "get"], ["/api/events", "post"],
            ["/api/events/{id}", "get"], ["/api/orders", "get"], ["/api/orders", "post"], ["/api/orders/{id}", "get"],
            ["/api/orders/{id}", "delete"], ["/api/payments", "post"],
        ];
        foreach (var route in expected)
        {
            Assert.True(paths.TryGetProperty(route[0], out var item) && item.TryGetProperty(route[1], out _),
                $"{route[1].ToUpperInvariant()} {route[0]} is missing from the OpenAPI document");
        }

        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/dashboard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheApiReferenceIsBrowsableAtDocs()
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/docs/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheStorefrontIsServedAtTheRootAndForClientRoutes()
    {
        using var client = gateway.CreateClient();

        using var root = await client.GetAsync("/");
        using var clientRoute = await client.GetAsync("/orders/123");

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal("text/html", root.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await root.Content.ReadAsStringAsync(), await clientRoute.Content.ReadAsStringAsync());
        Assert.Equal("no-cache", root.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task HashedAssetsAreCachedForAYearAndAMissingOneIs404()
    {
        using var client = gateway.CreateClient();
        var page = await client.GetStringAsync("/");
        var asset = System.Text.RegularExpressions.Regex.Match(page, "/assets/[^\"]+\\.js").Value;

        using var found = await client.GetAsync(asset);
        using var missing = await client.GetAsync("/assets/nothing-0000.js");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", found.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task UnknownApiRoutesAndMethodsAreProblems()
    {
        using var client = gateway.CreateClient();

        using var unknown = await client.GetAsync("/api/nothing-here");
        using var method = await client.DeleteAsync("/api/tickets");

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await method.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task TheDashboardIsForOperatorsOnly()
    {
        var customer = await gateway.SignUpAsync();
        var operatorUser = await gateway.SignUpAsync(GatewayFixture.OperatorName + "_" + Guid.NewGuid().ToString("N")[..4]);
        var realOperator = await SignUpOperatorOnceAsync();
        using var anonymous = gateway.CreateClient();

        using var asAnonymous = await anonymous.GetAsync("/dashboard/");
        using var asCustomer = await customer.Client.GetAsync("/dashboard/");
        using var asLookalike = await operatorUser.Client.GetAsync("/dashboard/");
        using var asOperator = await realOperator.Client.GetAsync("/dashboard/");

        await asAnonymous.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await asCustomer.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await asLookalike.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, asOperator.StatusCode);
    }

    private static readonly SemaphoreSlim OperatorGate = new(1, 1);
    private static TestUser? operatorAccount;

    private async Task<TestUser> SignUpOperatorOnceAsync()
    {
        await OperatorGate.WaitAsync();
        try
        {
            return operatorAccount ??= await gateway.SignUpAsync(GatewayFixture.OperatorName);
        }
        finally
        {
            OperatorGate.Release();
        }
    }
}
