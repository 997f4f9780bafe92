using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Gateway;
using Ticketing.Gateway.Events;
using Ticketing.Hosting.Streaming;

namespace Ticketing.Nats.Tests.Support;

/// <summary>
/// The real gateway, embedded silo included, on Kestrel at a free 127.0.0.1 port, with its streams on a NATS
/// server of its own (<c>Ticketing:Streams=Nats</c>) unless a subclass says otherwise. Reservations last two
/// seconds, so expiry can be watched happen.
/// </summary>
public class TicketingGateway : IAsyncLifetime
{
    public const string SigningKey = "test-signing-key-0123456789abcdef0123456789";
    public static readonly TimeSpan ReservationWindow = TimeSpan.FromSeconds(2);

    private WebApplication? app;
    private int userCounter;

    public Uri BaseAddress { get; private set; } = null!;

    public NatsServer? Nats { get; private set; }

    public int SiloPort { get; } = FreePort.Next();

    public string ClusterId { get; } = "nats-test-" + Guid.NewGuid().ToString("N")[..8];

    public IServiceProvider Services => app!.Services;

    /// <summary>The integration publisher of the embedded silo (only with NATS).</summary>
    public NatsIntegrationEventPublisher Publisher => Services.GetRequiredService<NatsIntegrationEventPublisher>();

    /// <summary>The live feed hub of this gateway process.</summary>
    public LiveAvailabilityHub LiveHub => Services.GetRequiredService<EndpointDataSource>().Endpoints
        .SelectMany(e => e.Metadata.OfType<LiveAvailabilityHub>()).First();

    public static string GatewayContentRoot { get; } = typeof(TicketingGateway).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GatewayContentRoot").Value!;

    protected virtual bool UsesNats => true;

    public virtual async Task InitializeAsync()
    {
        if (UsesNats)
        {
            Nats = await NatsServer.StartAsync();
        }

        var settings = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["contentRoot"] = GatewayContentRoot,
            ["environment"] = "Testing",
            ["Ticketing:Jwt:SigningKey"] = SigningKey,
            ["Ticketing:Silo:SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Ticketing:Silo:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Ticketing:Silo:ClusterId"] = ClusterId,
            ["Ticketing:Reminders:MinimumPeriod"] = "00:00:05",
            ["Ticketing:Orders:ReservationWindow"] = ReservationWindow.ToString("c", CultureInfo.InvariantCulture),
            ["Ticketing:RateLimits:TokensPerSecond"] = "100000",
            ["Ticketing:RateLimits:Burst"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
            ["Logging:LogLevel:Orleans.Streaming"] = "Critical",
        };
        foreach (var (key, value) in SharedSettings())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in await StartClusterAsync())
        {
            settings[key] = value;
        }

        app = GatewayApp.Build(settings.Select(s => $"--{s.Key}={s.Value}").ToArray());
        await app.StartAsync();
        BaseAddress = new Uri(app.Urls.Single());
    }

    public virtual async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (Nats is not null)
        {
            await Nats.DisposeAsync();
        }
    }

    /// <summary>Starts whatever else the gateway needs before it starts, and returns the settings it needs for that.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> StartClusterAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    /// <summary>What every process of this cluster is configured with: streams, and NATS when used.</summary>
    public IReadOnlyDictionary<string, string> SharedSettings() => UsesNats
        ? new Dictionary<string, string> { ["Ticketing:Streams"] = "Nats", ["Ticketing:Nats:Url"] = Nats!.Url }
        : new Dictionary<string, string> { ["Ticketing:Streams"] = "Memory" };

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

    /// <summary>Signs up a fresh user and returns it with a client that carries its token.</summary>
    public async Task<TestUser> SignUpAsync()
    {
        var n = Interlocked.Increment(ref userCounter);
        var username = $"u{n}_{Guid.NewGuid().ToString("N")[..10]}";
        var email = $"{username}@example.com";
        using var anonymous = CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/users/signup", new { email, username, password = TestUser.Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("user").GetProperty("id").GetString()!;
        return new TestUser(id, username, token, CreateClient(token));
    }
}

/// <summary>The same gateway on the embedded default: memory streams, no NATS anywhere.</summary>
public sealed class MemoryStreamsGateway : TicketingGateway
{
    protected override bool UsesNats => false;
}

/// <summary>
/// The gateway in client mode (<c>Ticketing:Cluster:Mode=Client</c>) against a silo host in a process of its own,
/// memory storage, its streams on NATS unless a subclass says otherwise: the gateway's live feeds subscribe from
/// another process than the grains publish in.
/// </summary>
public class ClientModeGateway : TicketingGateway
{
    private SiloHostProcess? silo;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }

    protected override async Task<IReadOnlyDictionary<string, string>> StartClusterAsync()
    {
        var settings = new Dictionary<string, string>(SharedSettings())
        {
            ["Ticketing:Silo:ClusterId"] = ClusterId,
            ["Ticketing:Reminders:MinimumPeriod"] = "00:00:05",
            ["Ticketing:Orders:ReservationWindow"] = ReservationWindow.ToString("c", CultureInfo.InvariantCulture),
        };
        silo = await SiloHostProcess.StartAsync(settings);
        return new Dictionary<string, string>
        {
            ["Ticketing:Cluster:Mode"] = "Client",
            ["Ticketing:Silo:GatewayPort"] = silo.GatewayPort.ToString(CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>The client-mode gateway over memory streams, which live in the silo and reach the client all the same.</summary>
public sealed class ClientModeMemoryStreamsGateway : ClientModeGateway
{
    protected override bool UsesNats => false;
}

public sealed record TestUser(string Id, string Username, string Token, HttpClient Client)
{
    public const string Password = "correct horse";
}
