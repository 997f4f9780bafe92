using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Ticketing.Gateway;

namespace Ticketing.Tests.Support;

/// <summary>
/// The real gateway, embedded silo included, on Kestrel at a free 127.0.0.1 port: tests speak HTTP to it
/// exactly as a client would. Subclasses change settings (a short reservation window, tight rate limits).
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    public const string SigningKey = "test-signing-key-0123456789abcdef0123456789";
    public const string OperatorName = "operator_one";

    private readonly ErrorLogRecorder errorLog = new();
    private WebApplication? app;
    private int userCounter;

    /// <summary>What the gateway logged at Error or above, each with its exception and stack.</summary>
    public IReadOnlyCollection<string> LoggedErrors => errorLog.Errors;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The gateway's services (its cluster client, for tests that inspect the cluster).</summary>
    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("The gateway is not started.");

    /// <summary>The gateway project's folder, whose wwwroot holds the built storefront.</summary>
    public static string GatewayContentRoot { get; } = typeof(GatewayFixture).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GatewayContentRoot").Value!;

    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Ticketing:RateLimits:TokensPerSecond"] = "100000",
        ["Ticketing:RateLimits:Burst"] = "100000",
    };

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["contentRoot"] = GatewayContentRoot,
            ["environment"] = "Testing",
            ["Ticketing:Jwt:SigningKey"] = SigningKey,
            ["Ticketing:Silo:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Ticketing:Silo:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Ticketing:Silo:ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
            ["Ticketing:Reminders:MinimumPeriod"] = "00:00:05",
            ["Ticketing:Operators:0"] = OperatorName,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        app = GatewayApp.Build(
            settings.Select(s => $"--{s.Key}={s.Value}").ToArray(),
            builder =>
            {
                builder.Logging.AddProvider(errorLog);
                Configure(builder);
            });
        await app.StartAsync();
        BaseAddress = ApiAddress(app.Urls);
    }

    /// <summary>Adds to the gateway's services (its embedded silo's too, which shares them) before it is built.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    /// <summary>Where the API answers, among the addresses the gateway listens on.</summary>
    protected virtual Uri ApiAddress(ICollection<string> urls) => new(urls.Single());

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>A client without cookies; with a token it sends <c>Authorization: Bearer</c>.</summary>
    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A browser-like client that keeps the session cookie.</summary>
    public HttpClient CreateCookieClient(CookieContainer cookies) =>
        new(new SocketsHttpHandler { UseCookies = true, CookieContainer = cookies }) { BaseAddress = BaseAddress };

    /// <summary>Signs up a fresh user and returns it with a client that carries its token.</summary>
    public async Task<TestUser> SignUpAsync(string? name = null)
    {
        var n = Interlocked.Increment(ref userCounter);
        var username = name ?? $"u{n}_{Guid.NewGuid().ToString("N")[..10]}";
        var email = $"{username}@example.com";
        using var anonymous = CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/users/signup", new { email, username, password = TestUser.Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("user").GetProperty("id").GetString()!;
        return new TestUser(id, username, email, token, CreateClient(token));
    }
}

public sealed record TestUser(string Id, string Username, string Email, string Token, HttpClient Client)
{
    public const string Password = "correct horse";
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
