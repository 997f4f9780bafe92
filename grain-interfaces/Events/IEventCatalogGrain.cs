namespace Ticketing.Events;

/// <summary>
/// The index behind <c>GET /api/events</c>: event ids, newest first. The counters come from each event on
/// the page, so a listing asks at most one page of events, never every event.
/// </summary>
public interface IEventCatalogGrain : IGrainWithStringKey
{
    /// <summary>Adds an event to the index (idempotent).</summary>
    Task AddAsync(IndexPosition entry);

    /// <summary>A page of event ids older than <paramref name="after"/>.</summary>
    Task<Page<IndexPosition>> ListAsync(IndexPosition? after, int limit);
}
