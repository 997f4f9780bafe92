namespace Ticketing.Integration;

/// <summary>
/// The envelope every domain event travels in, inside the cluster (Orleans streams) and out of it (the JetStream
/// stream <c>TICKETING</c>, subject <c>ticketing.{type}</c>). <see cref="Id"/> is unique per event, so a consumer
/// drops redeliveries by it; <see cref="Version"/> is the entity's own version after the change, so per entity it
/// orders the events (it may skip numbers: not every change is published).
/// </summary>
[GenerateSerializer, Immutable, Alias("ticketing.integration-event")]
public sealed record IntegrationEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTime OccurredAt,
    [property: Id(3)] string EntityId,
    [property: Id(4)] long Version,
    [property: Id(5)] IDomainEvent Data)
{
    /// <summary>The NATS subject of this event outside the cluster.</summary>
    public string Subject => DomainEvents.SubjectPrefix + Type;

    /// <summary>The kind of entity it is about: <c>ticket</c>, <c>event</c>, <c>order</c> or <c>payment</c>.</summary>
    public string Entity => Type[..Type.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>Whether it leaves the cluster; in-cluster notices (live availability) do not.</summary>
    public bool IsIntegration => DomainEvents.IsIntegration(Type);

    public static IntegrationEvent Of(string entityId, long version, DateTime occurredAt, IDomainEvent data) =>
        new(Ids.New(), DomainEvents.TypeOf(data), occurredAt, entityId, version, data);
}
