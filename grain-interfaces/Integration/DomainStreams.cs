using System.Globalization;

namespace Ticketing.Integration;

/// <summary>
/// Where domain events travel inside the cluster. The stream's namespace is the entity kind
/// (<see cref="IntegrationEvent.Entity"/>: <c>ticket</c>, <c>event</c>, <c>order</c>, <c>payment</c>). An event (a
/// drop) has a stream of its own, keyed by its id, which the live feed watches. Tickets, orders and payments are
/// created by the thousand in a drop, and every new stream costs the cluster a pub-sub registration (a grain
/// activation and a write) before its first message is delivered, so they share <see cref="Shards"/> streams per
/// kind: an entity always lands on the same one, which keeps its events in order, and consumers filter by
/// <see cref="IntegrationEvent.EntityId"/>. Besides, each listing has a stream of its own that carries only the
/// events the listing is built from. Keys and namespaces stay free of '.', which the NATS provider would turn
/// into subject tokens.
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

    /// <summary>Streams per kind for tickets, orders and payments.</summary>
    public const int Shards = 8;

    public const string Events = "event";
    public const string Tickets = "ticket";
    public const string Orders = "order";
    public const string Payments = "payment";

    /// <summary>The stream (namespace and key, for <c>StreamId.Create</c>) an entity's domain events travel on.</summary>
    public static (string Namespace, string Key) StreamOf(string entity, string entityId) =>
        (entity, entity == Events ? entityId : ShardOf(entityId));

    /// <summary>The shard key of an entity: the same on every silo and client (a stable hash, not string.GetHashCode).</summary>
    public static string ShardOf(string entityId)
    {
        var hash = 2166136261u;
        foreach (var c in entityId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return string.Create(CultureInfo.InvariantCulture, $"shard{hash % Shards}");
    }

    /// <summary>
    /// The namespace of the available-tickets listing: <c>ticket.created</c> and <c>ticket.updated</c> of every
    /// stand-alone ticket (an event's seats are never listed), on one stream keyed by the catalog, which subscribes
    /// to it implicitly. One stream keeps one order: a catalog that reads its own checkpoint back from it has
    /// applied everything published there before.
    /// </summary>
    public const string TicketListing = "ticket-listing";

    /// <summary>The namespace of the events listing: every <c>event.created</c>, on one stream keyed by the catalog.</summary>
    public const string EventListing = "event-listing";

    /// <summary>The listing stream an event feeds, as its namespace and key: stand-alone tickets' changes, and new events.</summary>
    public static (string Namespace, string Key)? ListingOf(IntegrationEvent e) => e.Data switch
    {
        TicketCreated { EventId: null } or TicketUpdated { EventId: null } => (TicketListing, CatalogGrains.TicketCatalogKey),
        EventCreated => (EventListing, CatalogGrains.EventCatalogKey),
        _ => null,
    };
}
