using Ticketing.Integration;
using Ticketing.Tickets;

namespace Ticketing.Grains.Tests;

/// <summary>
/// The available-tickets listing as the catalog builds it from the ticket listing stream, which delivers at least
/// once: events may come again or late, and only each ticket's newest version may count.
/// </summary>
public sealed class TicketListingTests
{
    private static readonly DateTime ListedAt = new(2030, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly TicketCatalogState state = new();
    private readonly TicketListing listing;
    private readonly string ticketId = Ids.New();
    private readonly string sellerId = Ids.New();
    private readonly string orderId = Ids.New();

    public TicketListingTests() => listing = new TicketListing(state);

    private TicketView Listed => new(ticketId, "Opera", 20.5m, sellerId, OrderId: null, EventId: null, TicketStatus.Available, Version: 0, ListedAt);

    [Fact]
    public void ACreatedTicketIsListedAtTheMomentItWasCreated()
    {
        Assert.Equal(TicketListingOutcome.Applied, listing.Apply(Created()));

        Assert.Equal([Listed], listing.Page(null, 10).Items);
    }

    [Fact]
    public void AnEventsSeatIsNeverListed()
    {
        var seat = IntegrationEvent.Of($"{Ids.New()}-1", 0, ListedAt, new TicketCreated("Drop", 40m, sellerId, Ids.New(), TicketStatus.Available));

        Assert.Equal(TicketListingOutcome.Ignored, listing.Apply(seat));
        Assert.Equal(0, listing.Count);
    }

    [Fact]
    public void AnEventDeliveredAgainChangesNothing()
    {
        var created = Created();
        listing.Apply(created);

        Assert.Equal(TicketListingOutcome.Ignored, listing.Apply(created));
        Assert.Equal([Listed], listing.Page(null, 10).Items);
    }

    [Fact]
    public void ALateEventCannotUndoANewerOne()
    {
        listing.Apply(Created());
        listing.Apply(Updated(1, TicketChange.Reserved, TicketStatus.Reserved));

        Assert.Equal(TicketListingOutcome.Ignored, listing.Apply(Created()));
        Assert.Equal(0, listing.Count);
    }

    [Fact]
    public void AReservedTicketLeavesTheListingAndComesBackInItsPlaceWhenReleased()
    {
        var older = IntegrationEvent.Of(Ids.New(), 0, ListedAt.AddSeconds(-1), new TicketCreated("Ballet", 9m, sellerId, null, TicketStatus.Available));
        listing.Apply(older);
        listing.Apply(Created());

        listing.Apply(Updated(1, TicketChange.Reserved, TicketStatus.Reserved));
        var whileHeld = listing.Page(null, 10).Items.Select(t => t.Id).ToList();
        listing.Apply(Updated(2, TicketChange.Released, TicketStatus.Available));

        var afterRelease = listing.Page(null, 10).Items;
        Assert.Equal([older.EntityId], whileHeld);
        Assert.Equal([ticketId, older.EntityId], afterRelease.Select(t => t.Id));
        Assert.Equal(Listed with { Version = 2 }, afterRelease[0]);
        Assert.Empty(state.Held);
    }

    [Fact]
    public void AnEditRefreshesTheListedTitleAndPrice()
    {
        listing.Apply(Created());

        listing.Apply(IntegrationEvent.Of(ticketId, 1, ListedAt.AddMinutes(1), new TicketUpdated(TicketChange.Edited, TicketStatus.Available, "Opera gala", 30m, null, null)));

        Assert.Equal([Listed with { Title = "Opera gala", Price = 30m, Version = 1 }], listing.Page(null, 10).Items);
    }

    [Fact]
    public void ASoldTicketIsForgottenAllButItsVersion()
    {
        listing.Apply(Created());
        listing.Apply(Updated(1, TicketChange.Reserved, TicketStatus.Reserved));

        listing.Apply(Updated(2, TicketChange.Sold, TicketStatus.Sold));

        Assert.Equal(0, listing.Count);
        Assert.Empty(state.Held);
        Assert.Equal(2, state.Versions[ticketId]);
        Assert.Equal(TicketListingOutcome.Ignored, listing.Apply(Updated(1, TicketChange.Released, TicketStatus.Available)));
    }

    [Fact]
    public void AChangeOfATicketTheListingNeverSawAsksForTheTicketItself()
    {
        var released = Updated(2, TicketChange.Released, TicketStatus.Available);

        Assert.Equal(TicketListingOutcome.TicketNeeded, listing.Apply(released));
        Assert.True(listing.Apply(Listed with { Version = 3 }));
        Assert.False(listing.Apply(Listed with { Version = 2 }));
        Assert.Equal([Listed with { Version = 3 }], listing.Page(null, 10).Items);
    }

    [Fact]
    public void ARestoredListingPagesNewestFirstAsBefore()
    {
        var newer = IntegrationEvent.Of(Ids.New(), 0, ListedAt.AddSeconds(1), new TicketCreated("Ballet", 9m, sellerId, null, TicketStatus.Available));
        listing.Apply(Created());
        listing.Apply(newer);

        var restored = new TicketListing(state);
        var first = restored.Page(null, 1);
        var second = restored.Page(first.Next, 1);

        Assert.Equal([newer.EntityId], first.Items.Select(t => t.Id));
        Assert.Equal([Listed], second.Items);
        Assert.Null(second.Next);
    }

    private IntegrationEvent Created() =>
        IntegrationEvent.Of(ticketId, 0, ListedAt, new TicketCreated("Opera", 20.5m, sellerId, null, TicketStatus.Available));

    private IntegrationEvent Updated(int version, TicketChange change, TicketStatus status) =>
        IntegrationEvent.Of(ticketId, version, ListedAt.AddMinutes(version), new TicketUpdated(change, status, "Opera", 20.5m, orderId, null));
}
