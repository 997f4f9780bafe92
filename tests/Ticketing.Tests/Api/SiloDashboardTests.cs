using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ticketing.Tests.Durable;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Api;

/// <summary>The silo host serves the Orleans dashboard only to the configured operator credential.</summary>
public sealed class SiloDashboardTests
{
    [Fact]
    public async Task TheSiloDashboardRefusesAnyoneWithoutTheOperatorCredential()
    {
        await using var silo = await SiloProcess.StartAsync(new Dictionary<string, string>
        {
            ["Ticketing:Dashboard:Username"] = "ops",
            ["Ticketing:Dashboard:Password"] = "a long operator secret",
            ["Ticketing:Silo:ClusterId"] = "dashboard-" + Ids.New()[..8],
        });
        using var client = new HttpClient { BaseAddress = silo.HttpAddress };
        await Eventually.TrueAsync(() => AnswersAsync(client), TimeSpan.FromSeconds(30), "the silo's HTTP endpoint answers");

        using var anonymous = await client.GetAsync("/dashboard/");
        using var wrong = await client.SendAsync(WithBasic("ops", "not the secret"));
        using var operatorRequest = await client.SendAsync(WithBasic("ops", "a long operator secret"));
        using var health = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorRequest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static async Task<bool> AnswersAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/healthz");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static HttpRequestMessage WithBasic(string user, string password) => new(HttpMethod.Get, "/dashboard/")
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))) },
    };
}
