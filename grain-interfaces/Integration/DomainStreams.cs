namespace Ticketing.Integration;

/// <summary>
/// Where domain events travel inside the cluster: one Orleans stream per entity, its namespace the entity kind
/// (<see cref="IntegrationEvent.Entity"/>: <c>ticket</c>, <c>event</c>, <c>order</c>, <c>payment</c>), its key the
/// entity's id. Keys and namespaces stay free of '.', which the NATS provider would turn into subject tokens.
/// </summary>
public static class DomainStreams
{
    /// <summary>
    /// The stream provider's name, and so the first token of its NATS subjects (<c>{provider}.{namespace}.{key}</c>).
    /// Not <c>ticketing</c>: that would put the provider's subjects on top of the integration subjects
    /// <c>ticketing.{entity}.{event}</c>, which JetStream refuses to store in two streams.
    /// </summary>
    public const string Provider = "ticketing-domain";

    /// <summary>Partitions of the provider's JetStream stream; nats/ticketing.conf maps subjects onto as many.</summary>
    public const int Partitions = 8;

    public const string Events = "event";
    public const string Tickets = "ticket";
    public const string Orders = "order";
    public const string Payments = "payment";
}
