using Ticketing.Indexes;

namespace Ticketing.Tickets;

public sealed class TicketCatalogGrain(
    [PersistentState("ticket-catalog", StorageNames.Grains)] IPersistentState<TicketCatalogState> state)
    : Grain, ITicketCatalogGrain
{
    private readonly NewestFirstIndex index = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var ticket in state.State.Available.Values)
        {
            index.Add(Position(ticket));
        }

        return Task.CompletedTask;
    }

    public async Task UpsertAsync(TicketView ticket)
    {
        if (state.State.Versions.TryGetValue(ticket.Id, out var known) && known > ticket.Version)
        {
            return;
        }

        state.State.Versions[ticket.Id] = ticket.Version;
        if (ticket.Status == TicketStatus.Available && ticket.EventId is null)
        {
            state.State.Available[ticket.Id] = ticket;
            index.Add(Position(ticket));
        }
        else if (state.State.Available.Remove(ticket.Id))
        {
            index.Remove(Position(ticket));
        }

        await state.WriteStateAsync();
    }

    public Task<Page<TicketView>> ListAsync(IndexPosition? after, int limit)
    {
        var page = index.Page(after, limit);
        var items = page.Items.Select(position => state.State.Available[position.Id]).ToList();
        return Task.FromResult(new Page<TicketView>(items, page.Next));
    }

    private static IndexPosition Position(TicketView ticket) => new(ticket.CreatedAt, ticket.Id);
}
