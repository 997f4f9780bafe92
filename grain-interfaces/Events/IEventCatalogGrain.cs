namespace Ticketing.Events;

/// <summary>
/// The index behind <c>GET /api/events</c>: event ids, newest first, fed by the <c>event.created</c> events on the
/// events listing stream. The counters come from each event on the page, so a listing asks at most one page of
/// events, never every event.
/// </summary>
public interface IEventCatalogGrain : IGrainWithStringKey
{
    /// <summary>
    /// A page of event ids older than <paramref name="after"/>, once the catalog has caught up with every event
    /// already published on its stream. Interleaves with the stream's deliveries, which it waits for.
    /// </summary>
    [AlwaysInterleave]
    Task<Page<IndexPosition>> ListAsync(IndexPosition? after, int limit);
}
