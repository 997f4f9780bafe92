using Microsoft.Extensions.Configuration;

namespace Ticketing.Hosting.Streaming;

/// <summary>
/// Where domain events travel, read from <c>Ticketing:Streams</c> and <c>Ticketing:Nats:*</c>. The default keeps
/// them in the cluster (memory streams, nothing published outside); <c>Nats</c> puts the Orleans streams on
/// JetStream and publishes the integration events to the <c>TICKETING</c> stream for other clusters.
/// </summary>
public sealed record StreamingSettings
{
    public StreamsKind Kind { get; init; } = StreamsKind.Memory;

    /// <summary><c>Ticketing:Nats:Url</c>: the NATS server (a comma-separated list for a NATS cluster).</summary>
    public string NatsUrl { get; init; } = "nats://127.0.0.1:4222";

    /// <summary><c>Ticketing:Nats:RetainEventsFor</c>: how long <c>TICKETING</c> keeps an integration event.</summary>
    public TimeSpan RetainEventsFor { get; init; } = TimeSpan.FromDays(7);

    public static StreamingSettings From(IConfiguration configuration)
    {
        var defaults = new StreamingSettings();
        var nats = configuration.GetSection("Ticketing:Nats");
        return new StreamingSettings
        {
            Kind = configuration.GetValue("Ticketing:Streams", defaults.Kind),
            NatsUrl = nats["Url"] is { Length: > 0 } url ? url : defaults.NatsUrl,
            RetainEventsFor = nats.GetValue("RetainEventsFor", defaults.RetainEventsFor),
        };
    }
}

public enum StreamsKind
{
    Memory,
    Nats,
}
