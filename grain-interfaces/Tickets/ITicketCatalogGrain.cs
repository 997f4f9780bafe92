namespace Ticketing.Tickets;

/// <summary>
/// The read model behind <c>GET /api/tickets</c>: stand-alone tickets that are available now, newest first.
/// Tickets tell it about their own changes, so a listing never asks every ticket.
/// </summary>
public interface ITicketCatalogGrain : IGrainWithStringKey
{
    /// <summary>Records the ticket's latest state; drops it from the listing unless it is available.</summary>
    Task UpsertAsync(TicketView ticket);

    /// <summary>A page of available tickets older than <paramref name="after"/>.</summary>
    Task<Page<TicketView>> ListAsync(IndexPosition? after, int limit);
}
