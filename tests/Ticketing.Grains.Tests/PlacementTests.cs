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
/// The grains a reservation wakes are placed on the silo whose call wakes them: a new order on the silo its gateway
/// call entered, its ticket and payment next to it, so a reservation crosses between silos only to reach its event.
/// </summary>
[Collection(FakeClockCollection.Name)]
public sealed class PlacementTests(FakeClockCluster cluster)
{
    [Fact]
    public void TheGrainsOfAReservationArePlacedOnTheSiloThatCallsThem()
    {
        var resolver = cluster.SiloServices[0].GetRequiredService<PlacementStrategyResolver>();
        var key = Ids.New();
        IAddressable[] grains =
        [
            cluster.Grains.GetGrain<IOrderGrain>(key),
            cluster.Grains.GetGrain<ITicketGrain>(key),
            cluster.Grains.GetGrain<IEventGrain>(key),
            cluster.Grains.GetGrain<IPaymentGrain>(key),
            cluster.Grains.GetGrain<IUserOrdersGrain>(key),
            cluster.Grains.GetGrain<IUserGrain>(key),
        ];

        foreach (var grain in grains)
        {
            var type = grain.GetGrainId().Type;
            Assert.True(resolver.GetPlacementStrategy(type) is PreferLocalPlacement, $"{type} is not placed locally.");
        }
    }
}
