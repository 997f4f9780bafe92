using Ticketing.Events;
using Ticketing.Gateway.Infrastructure;

namespace Ticketing.Gateway.Events;

/// <summary>
/// The gateway's reads of events: during a drop every waiting buyer polls the same event's counters, and requests for
/// one event that arrive together share a read of its grain (<see cref="SharedReads{TKey,TValue}"/>), each still
/// answered from a read that began after it arrived.
/// </summary>
public sealed class EventReads(IGrainFactory grains)
{
    private readonly SharedReads<string, EventView?> views = new(id => grains.GetGrain<IEventGrain>(id).GetAsync());

    /// <summary>The event's view with its live counters, or null if there is no such event.</summary>
    public Task<EventView?> GetAsync(string id, CancellationToken cancellationToken) => views.ReadAsync(id, cancellationToken);
}
