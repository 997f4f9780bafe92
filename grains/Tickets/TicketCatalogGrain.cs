using Orleans.Streams.Core;
using Ticketing.Indexes;
using Ticketing.Integration;

namespace Ticketing.Tickets;

/// <summary>
/// The available-tickets listing: an implicit subscriber of the ticket listing stream, where every stand-alone
/// ticket publishes its changes (nothing calls it to feed it). One grain for the whole marketplace, so it stays
/// cheap: a change costs one write of its state, delivered one at a time by the stream; reads interleave with
/// those deliveries, are served from memory and share their stream checkpoints, so a read never waits on a write.
/// </summary>
[ImplicitStreamSubscription(DomainStreams.TicketListing)]
public sealed class TicketCatalogGrain(
    [PersistentState("ticket-catalog", StorageNames.Grains)] IPersistentState<TicketCatalogState> state,
    IIntegrationEventPublisher transport,
    ILogger<TicketCatalogGrain> logger)
    : Grain, ITicketCatalogGrain, IStreamSubscriptionObserver
{
    private TicketListing listing = null!;
    private ListingFeed feed = null!;
    private bool unsaved;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        listing = new TicketListing(state.State);
        feed = new ListingFeed(this, StreamId.Create(DomainStreams.TicketListing, CatalogGrains.TicketCatalogKey), ApplyAsync, transport, logger);
        return Task.CompletedTask;
    }

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) => feed.AttachAsync(handleFactory);

    public async Task<Page<TicketView>> ListAsync(IndexPosition? after, int limit)
    {
        await feed.CatchUpAsync();
        return listing.Page(after, limit);
    }

    private async Task ApplyAsync(IntegrationEvent e)
    {
        var outcome = listing.Apply(e);
        if (outcome == TicketListingOutcome.TicketNeeded)
        {
            // A change of a ticket listed before the catalog followed its stream: the ticket's own state stands in.
            var ticket = await GrainFactory.GetGrain<ITicketGrain>(e.EntityId).GetAsync();
            outcome = ticket is not null && listing.Apply(ticket) ? TicketListingOutcome.Applied : TicketListingOutcome.Ignored;
        }

        // A write that failed leaves the change applied in memory and the event unacknowledged: its redelivery is
        // then a duplicate, and writes the state again.
        unsaved |= outcome == TicketListingOutcome.Applied;
        if (unsaved)
        {
            await state.WriteStateAsync();
            unsaved = false;
        }
    }
}
