namespace Ticketing.Tickets;

/// <summary>
/// The read model behind <c>GET /api/tickets</c>: stand-alone tickets that are available now, newest first. It
/// follows the ticket listing stream (<c>ticket.created</c> / <c>ticket.updated</c>), so no ticket calls it and a
/// listing never asks every ticket.
/// </summary>
public interface ITicketCatalogGrain : IGrainWithStringKey
{
    /// <summary>
    /// A page of available tickets older than <paramref name="after"/>, once the catalog has caught up with every
    /// change already published on its stream. Interleaves with the stream's deliveries, which it waits for.
    /// </summary>
    [AlwaysInterleave]
    Task<Page<TicketView>> ListAsync(IndexPosition? after, int limit);
}
