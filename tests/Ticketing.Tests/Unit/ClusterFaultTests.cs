using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime.Messaging;
using Ticketing.Gateway.Infrastructure;

namespace Ticketing.Tests.Unit;

/// <summary>What a dying silo throws at the gateway is 503 with Retry-After; a fault in the product stays a 500.</summary>
public sealed class ClusterFaultTests
{
    public static TheoryData<Exception> FaultsOfADyingOrBusyCluster => new()
    {
        new TimeoutException("Response did not arrive on time"),
        new SiloUnavailableException("The target silo became unavailable"),
        new GatewayTooBusyException(),
        new ConnectionFailedException("Unable to connect to S127.0.0.1:11111"),
        new TaskCanceledException("A grain's activation outlasted its deadline"),
        new OrleansException("Could not look up the grain's address during a directory hand-over. Retry later."),
        new InvalidOperationException("wrapped", new SiloUnavailableException()),
    };

    public static TheoryData<Exception> FaultsOfTheProduct => new()
    {
        new InvalidOperationException("a bug"),
        new OrleansConfigurationException("no storage provider named 'x'"),
        new GrainExtensionNotInstalledException("extension missing"),
    };

    [Theory]
    [MemberData(nameof(FaultsOfADyingOrBusyCluster))]
    public void FailuresToReachOrAddressAGrainAreClusterFaults(Exception exception) =>
        Assert.True(ClusterFaults.IsClusterFault(exception));

    [Theory]
    [MemberData(nameof(FaultsOfTheProduct))]
    public void BugsAndMisconfigurationAreNotClusterFaults(Exception exception) =>
        Assert.False(ClusterFaults.IsClusterFault(exception));

    [Fact]
    public async Task AConnectionFailureWhileForwardingAnswers503ProblemWithRetryAfter()
    {
        var services = new ServiceCollection().AddLogging().AddTicketingProblems().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.Path = "/api/orders";
        context.Response.Body = new MemoryStream();
        var handler = new RequestExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<RequestExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, new ConnectionFailedException("Unable to connect to S127.0.0.1:11111"), CancellationToken.None);

        context.Response.Body.Position = 0;
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body);
        Assert.True(handled);
        Assert.Equal(
            (StatusCodes.Status503ServiceUnavailable, "1", "application/problem+json", "unavailable"),
            (context.Response.StatusCode, context.Response.Headers.RetryAfter.ToString(), context.Response.ContentType, problem.GetProperty("code").GetString()));
    }
}
