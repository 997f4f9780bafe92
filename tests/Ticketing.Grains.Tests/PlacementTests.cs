using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Placement;
using Ticketing.Events;
using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Orders;
using Ticketing.Payments;
using Ticketing.Tickets;
using Ticketing.Users;

namespace Ticketing.Grains.Tests;

/// <summary>
/// A seat's ticket and an order's payment are placed next to the order that wakes them, and an event on the silo the
/// client sends its calls through; orders, users and buyers' indexes, woken by the client's calls, keep Orleans'
/// load-based placement, so the cluster's load follows its silos, including silos added later.
/// </summary>
[Collection(FakeClockCollection.Name)]
public sealed class PlacementTests(FakeClockCluster cluster)
{
    [Fact]
    public void TicketsPaymentsAndEventsArePlacedOnTheSiloThatCallsThem()
    {
        var key = Ids.New();

        Assert.All<IAddressable>(
            [cluster.Grains.GetGrain<ITicketGrain>(key), cluster.Grains.GetGrain<IPaymentGrain>(key), cluster.Grains.GetGrain<IEventGrain>(key)],
            grain => Assert.IsType<PreferLocalPlacement>(StrategyOf(grain)));
    }

    [Fact]
    public void OrdersUsersAndBuyersIndexesArePlacedByTheSilosLoad()
    {
        var key = Ids.New();

        Assert.All<IAddressable>(
            [cluster.Grains.GetGrain<IOrderGrain>(key), cluster.Grains.GetGrain<IUserGrain>(key), cluster.Grains.GetGrain<IUserOrdersGrain>(key)],
            grain => Assert.IsType<ResourceOptimizedPlacement>(StrategyOf(grain)));
    }

    private PlacementStrategy StrategyOf(IAddressable grain) =>
        cluster.SiloServices[0].GetRequiredService<PlacementStrategyResolver>().GetPlacementStrategy(grain.GetGrainId().Type);
}
