using Ticketing.Events;
using Ticketing.Tickets;

namespace Ticketing;

/// <summary>Where the listing read models live: one grain each, also the key of the listing stream it follows.</summary>
public static class CatalogGrains
{
    public const string TicketCatalogKey = "available";

    public const string EventCatalogKey = "all";

    public static ITicketCatalogGrain TicketCatalog(this IGrainFactory grains) =>
        grains.GetGrain<ITicketCatalogGrain>(TicketCatalogKey);

    public static IEventCatalogGrain EventCatalog(this IGrainFactory grains) =>
        grains.GetGrain<IEventCatalogGrain>(EventCatalogKey);
}
