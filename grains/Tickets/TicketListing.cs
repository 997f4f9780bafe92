using Ticketing.Indexes;
using Ticketing.Integration;

namespace Ticketing.Tickets;

/// <summary>What one ticket event did to the listing.</summary>
public enum TicketListingOutcome
{
    /// <summary>The listing changed: write it.</summary>
    Applied,

    /// <summary>Seen already (a redelivery), older than what is known (a late one), or not about a listed ticket.</summary>
    Ignored,

    /// <summary>A change of a ticket the listing has no record of: read the ticket itself and apply that.</summary>
    TicketNeeded,
}

/// <summary>
/// The available-tickets listing, built from <c>ticket.created</c> and <c>ticket.updated</c> alone (no cluster needed,
/// so a test can drive it). Delivery is at least once and a consumer may see an event again, or late: each ticket's
/// last version decides, and an event at or below it changes nothing. A stand-alone ticket is listed while it is
/// available, set aside while held, and forgotten (all but its version) once sold; an event's seats never appear.
/// </summary>
public sealed class TicketListing
{
    private readonly TicketCatalogState state;
    private readonly NewestFirstIndex index = new();

    public TicketListing(TicketCatalogState state)
    {
        this.state = state;
        foreach (var ticket in state.Available.Values)
        {
            index.Add(Position(ticket));
        }
    }

    public int Count => index.Count;

    public TicketListingOutcome Apply(IntegrationEvent e)
    {
        var version = checked((int)e.Version);
        switch (e.Data)
        {
            case TicketCreated { EventId: null } created when IsNew(e.EntityId, version):
                Put(new TicketView(
                    e.EntityId, created.Title, created.Price, created.SellerId, OrderId: null, EventId: null, created.Status,
                    version, e.OccurredAt));
                return TicketListingOutcome.Applied;

            case TicketUpdated { EventId: null } updated when IsNew(e.EntityId, version):
                if (updated.Status == TicketStatus.Sold)
                {
                    Forget(e.EntityId, version);
                    return TicketListingOutcome.Applied;
                }

                if (Known(e.EntityId) is not { } before)
                {
                    return TicketListingOutcome.TicketNeeded;
                }

                Put(before with
                {
                    Title = updated.Title,
                    Price = updated.Price,
                    Status = updated.Status,
                    OrderId = updated.Status == TicketStatus.Available ? null : updated.OrderId,
                    Version = version,
                });
                return TicketListingOutcome.Applied;

            default:
                return TicketListingOutcome.Ignored;
        }
    }

    /// <summary>A ticket as it is now, read from itself; false when the listing knows it at this version or later.</summary>
    public bool Apply(TicketView ticket)
    {
        if (ticket.EventId is not null || !IsNew(ticket.Id, ticket.Version))
        {
            return false;
        }

        if (ticket.Status == TicketStatus.Sold)
        {
            Forget(ticket.Id, ticket.Version);
        }
        else
        {
            Put(ticket);
        }

        return true;
    }

    /// <summary>A page of available tickets older than <paramref name="after"/>, newest first.</summary>
    public Page<TicketView> Page(IndexPosition? after, int limit)
    {
        var page = index.Page(after, limit);
        var items = page.Items.Select(position => state.Available[position.Id]).ToList();
        return new Page<TicketView>(items, page.Next);
    }

    private bool IsNew(string id, int version) => !state.Versions.TryGetValue(id, out var known) || version > known;

    private TicketView? Known(string id) =>
        state.Available.GetValueOrDefault(id) ?? state.Held.GetValueOrDefault(id);

    private void Put(TicketView ticket)
    {
        Forget(ticket.Id, ticket.Version);
        if (ticket.Status == TicketStatus.Available)
        {
            state.Available[ticket.Id] = ticket;
            index.Add(Position(ticket));
        }
        else
        {
            state.Held[ticket.Id] = ticket;
        }
    }

    private void Forget(string id, int version)
    {
        state.Versions[id] = version;
        state.Held.Remove(id);
        if (state.Available.Remove(id, out var listed))
        {
            index.Remove(Position(listed));
        }
    }

    private static IndexPosition Position(TicketView ticket) => new(ticket.CreatedAt, ticket.Id);
}
