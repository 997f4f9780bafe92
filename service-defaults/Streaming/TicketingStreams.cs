using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using Orleans.Streaming.NATS;
using Orleans.Streaming.NATS.Hosting;
using Ticketing.Hosting.Streaming;
using Ticketing.Integration;

// In the hosts' namespace, so TicketingSilo and TicketingClient add streams with one line each.
namespace Ticketing.Hosting;

/// <summary>
/// The stream provider <see cref="DomainStreams.Provider"/> on silos and clients, and where integration events go.
/// Memory (default): memory streams, and an integration publisher that only feeds them. Nats: the Orleans NATS
/// provider on JetStream stream <c>TICKETING_DOMAIN</c>, and <see cref="NatsIntegrationEventPublisher"/>.
/// </summary>
public static class TicketingStreams
{
    /// <summary>The JetStream stream (work queue) the Orleans provider keeps in-cluster events in.</summary>
    public const string OrleansStreamName = "TICKETING_DOMAIN";

    /// <summary>
    /// The grain storage Orleans keeps explicit stream subscriptions in (the gateways' live feeds), added by
    /// <see cref="TicketingSilo"/> with the rest of the storage: memory, or PostgreSQL in the durable cluster, so a
    /// running gateway's feed outlives the silo that held its subscription. The catalogs subscribe implicitly and
    /// need no record at all.
    /// </summary>
    public const string PubSubStore = "PubSubStore";

    public static ISiloBuilder AddTicketingStreams(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = StreamingSettings.From(configuration);
        if (settings.Kind == StreamsKind.Nats)
        {
            silo.AddNatsStreams(DomainStreams.Provider, stream =>
            {
                stream.ConfigureNats(options => options.Configure(o => Configure(o, settings)));
                stream.ConfigurePartitioning(DomainStreams.Partitions);
            });
            silo.Services.AddSingleton(settings);
            silo.Services.AddSingleton<NatsIntegrationEventPublisher>();
            silo.Services.AddSingleton<IIntegrationEventPublisher>(sp => sp.GetRequiredService<NatsIntegrationEventPublisher>());
        }
        else
        {
            silo.AddMemoryStreams(DomainStreams.Provider, stream => stream.ConfigureCacheEviction(eviction => eviction.Configure(o =>
            {
                // Orleans keeps every delivered message for 5 to 30 minutes for consumers that rewind; ours never do (they
                // deduplicate by id), and at a drop's pace that held about 90 MB of 1 MB blocks through a 100,000-seat sell-out.
                o.DataMinTimeInCache = MemoryStreamRetention.Minimum;
                o.DataMaxAgeInCache = MemoryStreamRetention.Maximum;
            })));
        }

        return silo;
    }

    public static IClientBuilder AddTicketingStreams(this IClientBuilder client, IConfiguration configuration)
    {
        var settings = StreamingSettings.From(configuration);
        if (settings.Kind == StreamsKind.Nats)
        {
            client.AddNatsStreams(DomainStreams.Provider, stream =>
            {
                stream.ConfigureNats(options => options.Configure(o => Configure(o, settings)));
                stream.ConfigurePartitioning(DomainStreams.Partitions);
            });
        }
        else
        {
            client.AddMemoryStreams(DomainStreams.Provider);
        }

        return client;
    }

    /// <summary>
    /// How long the in-memory streams keep a message: a message leaves the cache once it has been there the minimum
    /// and is older than the maximum relative to the newest one. Half a minute is an age no in-process consumer that
    /// keeps up at all falls behind by.
    /// </summary>
    private static class MemoryStreamRetention
    {
        public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(30);

        public static readonly TimeSpan Maximum = TimeSpan.FromSeconds(30);
    }

    private static void Configure(NatsOptions options, StreamingSettings settings)
    {
        options.StreamName = OrleansStreamName;
        options.PartitionCount = DomainStreams.Partitions;
        // Two connections per process publish plenty for our volume; the default (8) multiplies idle sockets.
        options.ProducerCount = 2;
        options.NatsClientOptions = NatsOpts.Default with { Url = settings.NatsUrl, Name = "ticketing-domain-streams" };
    }
}
