using Ticketing.Integration;

namespace Ticketing.Integration;

/// <summary>
/// Delivers integration events out of the cluster (JetStream when NATS is configured). Grains call it only from
/// their outbox, after the change was written, never while a request waits on them.
/// </summary>
public interface IIntegrationEventPublisher
{
    /// <summary>False when a publish cannot succeed now (NATS is unreachable): the outbox then fails fast.</summary>
    bool IsAvailable { get; }

    /// <summary>
    /// Publishes the events in order, stopping at the first that fails, and returns how many of them (a prefix)
    /// were acknowledged. Publishing an event again is harmless: its id deduplicates it.
    /// </summary>
    Task<int> PublishAsync(IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken);
}
