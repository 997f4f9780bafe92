using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Indexes;
using Ticketing.Orders;

namespace Ticketing.Grains.Tests;

/// <summary>A buyer's order index writes a small recent part per order and moves it to an archive when it fills.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class UserOrdersIndexTests(FakeClockCluster cluster)
{
    private readonly Marketplace market = new(cluster);

    [Fact]
    public async Task EveryOrderIsListedNewestFirstAcrossTheArchiveAndAfterAReactivation()
    {
        var buyer = market.Grains.GetGrain<IUserOrdersGrain>(Ids.New());
        var start = new DateTime(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc);
        var added = Enumerable.Range(0, 150).Select(i => new IndexPosition(start.AddSeconds(i), Ids.New())).ToList();
        foreach (var position in added)
        {
            await buyer.AddAsync(position);
        }

        await buyer.AddAsync(added[3]); // adding an order again changes nothing
        var before = await ListAllAsync(buyer);
        await market.DeactivateAsync(buyer);
        var after = await ListAllAsync(buyer);

        var newestFirst = Enumerable.Reverse(added).ToList();
        Assert.Equal(newestFirst, before);
        Assert.Equal(newestFirst, after);
    }

    [Fact]
    public async Task EachOrderWritesOnlyTheRecentPartUntilItFills()
    {
        var buyer = market.Grains.GetGrain<IUserOrdersGrain>(Ids.New());
        var start = new DateTime(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc);
        foreach (var i in Enumerable.Range(0, 150))
        {
            await buyer.AddAsync(new IndexPosition(start.AddSeconds(i), Ids.New()));
        }

        var recent = await market.ReadStoredAsync<PositionIndexState>(buyer, "user-orders");
        var archive = await market.ReadStoredAsync<PositionIndexState>(buyer, "user-orders-archive");
        Assert.Equal((150 % PositionIndexGrain.RecentLimit, 150 - 150 % PositionIndexGrain.RecentLimit), (recent.Entries.Count, archive.Entries.Count));
    }

    private static async Task<List<IndexPosition>> ListAllAsync(IUserOrdersGrain buyer)
    {
        var all = new List<IndexPosition>();
        IndexPosition? after = null;
        do
        {
            var page = await buyer.ListAsync(after, 40);
            all.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        return all;
    }
}
