namespace Ticketing.Integration;

/// <summary>
/// Where domain events travel inside the cluster: one Orleans stream per entity, its namespace the entity kind
/// (<see cref="IntegrationEvent.Entity"/>: <c>ticket</c>, <c>event</c>, <c>order</c>, <c>payment</c>), its key the
/// entity's id; and the listing streams, one per catalog, that carry only the events a listing is built from.
/// Keys and namespaces stay free of '.', which the NATS provider would turn into subject tokens.
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
