using Ticketing.Events;
using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Orders;
using Ticketing.Tickets;
using Ticketing.Users;

namespace Ticketing.Grains.Tests;

/// <summary>A kept reference names the same grain through the same interface as Orleans' own, first call and later.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class GrainReferencesTests(FakeClockCluster cluster)
{
    [Fact]
    public void EveryReferenceEqualsTheOneOrleansWouldMake()
    {
        var grains = cluster.Grains;
        var keys = new[] { Ids.New(), Ids.New(), Ids.SeatTicketId(Ids.New(), 7) };

        foreach (var key in keys)
        {
            AssertSameAsOrleans(grains.Reference<IOrderGrain>(key), grains.GetGrain<IOrderGrain>(key));
            AssertSameAsOrleans(grains.Reference<ITicketGrain>(key), grains.GetGrain<ITicketGrain>(key));
            AssertSameAsOrleans(grains.Reference<IEventGrain>(key), grains.GetGrain<IEventGrain>(key));
            AssertSameAsOrleans(grains.Reference<IUserOrdersGrain>(key), grains.GetGrain<IUserOrdersGrain>(key));
            AssertSameAsOrleans(grains.Reference<IUserGrain>(key), grains.GetGrain<IUserGrain>(key));
        }
    }

    [Fact]
    public async Task AKeptReferenceReachesTheGrain()
    {
        var buyer = Ids.New();
        var position = new IndexPosition(new DateTime(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc), Ids.New());
        _ = cluster.Grains.Reference<IUserOrdersGrain>(Ids.New());

        await cluster.Grains.Reference<IUserOrdersGrain>(buyer).AddAsync(position);
        var listed = await cluster.Grains.GetGrain<IUserOrdersGrain>(buyer).ListAsync(null, 10);

        Assert.Equal([position.Id], listed.Items.Select(p => p.Id));
    }

    private static void AssertSameAsOrleans(object kept, object orleans)
    {
        var (a, b) = ((GrainReference)kept, (GrainReference)orleans);
        Assert.Equal((b.GrainId, b.InterfaceType, b.GetType()), (a.GrainId, a.InterfaceType, a.GetType()));
    }
}
