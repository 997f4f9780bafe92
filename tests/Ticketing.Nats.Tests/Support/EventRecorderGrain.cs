using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Streams;
using Ticketing.Integration;

namespace Ticketing.Nats.Tests.Support;

/// <summary>A consumer grain of domain events: subscribes to one entity's stream and keeps what arrives.</summary>
public interface IEventRecorderGrain : IGrainWithStringKey
{
    /// <summary>Subscribes to the stream of one entity (an explicit subscription, kept in PubSubStore).</summary>
    Task WatchAsync(string entity, string entityId);

    /// <summary>What arrived so far, in order, and the silo this activation lives on.</summary>
    Task<Recorded> GetAsync();
}

[GenerateSerializer, Immutable]
public sealed record Recorded([property: Id(0)] IReadOnlyList<IntegrationEvent> Events, [property: Id(1)] string Silo);

/// <summary>Lives on the silo whose code first calls it, so a test chooses the consumer's silo.</summary>
[PreferLocalPlacement]
public sealed class EventRecorderGrain : Grain, IEventRecorderGrain
{
    private readonly List<IntegrationEvent> events = [];

    public async Task WatchAsync(string entity, string entityId)
    {
        var (ns, key) = DomainStreams.StreamOf(entity, entityId);
        var stream = this.GetStreamProvider(DomainStreams.Provider).GetStream<IntegrationEvent>(StreamId.Create(ns, key));
        await stream.SubscribeAsync((e, _) =>
        {
            // Tickets, orders and payments share a few streams per kind: keep only the watched entity's events.
            if (e.EntityId == entityId)
            {
                events.Add(e);
            }

            return Task.CompletedTask;
        });
    }

    public Task<Recorded> GetAsync() => Task.FromResult(new Recorded([.. events], GrainContext.Address.SiloAddress!.ToString()));
}
