namespace Ticketing.Integration;

/// <summary>
/// The embedded default, with no NATS configured: nothing leaves the cluster, so every event is acknowledged at
/// once and the outbox only feeds the in-cluster streams, staying empty between changes.
/// </summary>
public sealed class InClusterIntegrationEventPublisher : IIntegrationEventPublisher
{
    public bool IsAvailable => true;

    public Task<int> PublishAsync(IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken) =>
        Task.FromResult(events.Count);
}
