using Ticketing.Events;
using Ticketing.Tickets;

namespace Ticketing;

/// <summary>Where the listing read models live.</summary>
public static class CatalogGrains
{
    public static ITicketCatalogGrain TicketCatalog(this IGrainFactory grains) =>
        grains.GetGrain<ITicketCatalogGrain>("available");

    public static IEventCatalogGrain EventCatalog(this IGrainFactory grains) =>
        grains.GetGrain<IEventCatalogGrain>("all");
}
