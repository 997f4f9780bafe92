using Ticketing.Orders;

namespace Ticketing.Indexes;

/// <summary>A persisted newest-first list of ids: each buyer's orders.</summary>
public abstract class PositionIndexGrain(IPersistentState<PositionIndexState> state) : Grain
{
    private readonly NewestFirstIndex index = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in state.State.Entries)
        {
            index.Add(entry);
        }

        return Task.CompletedTask;
    }

    public async Task AddAsync(IndexPosition entry)
    {
        if (index.Add(entry))
        {
            state.State.Entries.Add(entry);
            await state.WriteStateAsync();
        }
    }

    public Task<Page<IndexPosition>> ListAsync(IndexPosition? after, int limit) => Task.FromResult(index.Page(after, limit));
}

public sealed class UserOrdersGrain(
    [PersistentState("user-orders", StorageNames.Grains)] IPersistentState<PositionIndexState> state)
    : PositionIndexGrain(state), IUserOrdersGrain;
