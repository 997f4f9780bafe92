using Orleans.Streams.Core;
using Ticketing.Events;
using Ticketing.Integration;

namespace Ticketing.Indexes;

/// <summary>
/// The events listing: an implicit subscriber of the events listing stream, where each event publishes its
/// <c>event.created</c>. Positions are the creation's time and the event's id; an event seen before is not added
/// again, whatever its envelope.
/// </summary>
[ImplicitStreamSubscription(DomainStreams.EventListing)]
public sealed class EventCatalogGrain(
    [PersistentState("event-catalog", StorageNames.Grains)] IPersistentState<PositionIndexState> state,
    IIntegrationEventPublisher transport,
    ILogger<EventCatalogGrain> logger)
    : Grain, IEventCatalogGrain, IStreamSubscriptionObserver
{
    private readonly NewestFirstIndex index = new();
    private readonly HashSet<string> listed = [];
    private ListingFeed feed = null!;
    private bool unsaved;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in state.State.Entries)
        {
            index.Add(entry);
            listed.Add(entry.Id);
        }

        feed = new ListingFeed(this, StreamId.Create(DomainStreams.EventListing, CatalogGrains.EventCatalogKey), ApplyAsync, transport, logger);
        return Task.CompletedTask;
    }

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) => feed.AttachAsync(handleFactory);

    public async Task<Page<IndexPosition>> ListAsync(IndexPosition? after, int limit)
    {
        await feed.CatchUpAsync();
        return index.Page(after, limit);
    }

    private async Task ApplyAsync(IntegrationEvent e)
    {
        if (e.Data is EventCreated && listed.Add(e.EntityId))
        {
            var entry = new IndexPosition(e.OccurredAt, e.EntityId);
            index.Add(entry);
            state.State.Entries.Add(entry);
            unsaved = true;
        }

        if (unsaved)
        {
            await state.WriteStateAsync();
            unsaved = false;
        }
    }
}
