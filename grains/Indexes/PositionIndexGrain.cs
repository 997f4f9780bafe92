using Ticketing.Orders;

namespace Ticketing.Indexes;

/// <summary>
/// A persisted newest-first list of ids: each buyer's orders. New entries go to a small recent part, written with
/// every entry; once it holds <see cref="RecentLimit"/> entries they move to the archive in one write. So an entry
/// costs a write of at most <see cref="RecentLimit"/> positions plus, every <see cref="RecentLimit"/> entries, one
/// of the archive, instead of a write of the whole list each time (a buyer with hundreds of orders made each new
/// order's index write hundreds of positions long).
/// </summary>
public abstract class PositionIndexGrain(IPersistentState<PositionIndexState> recent, IPersistentState<PositionIndexState> archive)
    : Grain
{
    public const int RecentLimit = 64;

    private readonly NewestFirstIndex index = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An entry in both parts (a move interrupted between its two writes) is one entry: the index is a set.
        foreach (var entry in archive.State.Entries.Concat(recent.State.Entries))
        {
            index.Add(entry);
        }

        return Task.CompletedTask;
    }

    public async Task AddAsync(IndexPosition entry)
    {
        if (!index.Add(entry))
        {
            return;
        }

        recent.State.Entries.Add(entry);
        if (recent.State.Entries.Count < RecentLimit)
        {
            await recent.WriteStateAsync();
            return;
        }

        // The archive first: until the recent part is cleared, its entries are merely stored twice.
        archive.State.Entries.AddRange(recent.State.Entries);
        await archive.WriteStateAsync();
        recent.State.Entries.Clear();
        await recent.WriteStateAsync();
    }

    public Task<Page<IndexPosition>> ListAsync(IndexPosition? after, int limit) => Task.FromResult(index.Page(after, limit));
}

public sealed class UserOrdersGrain(
    [PersistentState("user-orders", StorageNames.Grains)] IPersistentState<PositionIndexState> recent,
    [PersistentState("user-orders-archive", StorageNames.Grains)] IPersistentState<PositionIndexState> archive)
    : PositionIndexGrain(recent, archive), IUserOrdersGrain;
