using Microsoft.Extensions.DependencyInjection;
using Orleans.Reminders;
using Ticketing.Grains.Tests.Infrastructure;

namespace Ticketing.Grains.Tests;

/// <summary>The fixtures themselves: a broken clock setup would make the expiry tests prove nothing.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class ClusterSetupTests(FakeClockCluster cluster)
{
    [Fact]
    public void GrainsReadTheSharedFakeClockWhileTheRuntimeKeepsRealTime()
    {
        Assert.Equal(2, cluster.SiloServices.Count);
        Assert.All(cluster.SiloServices, silo =>
        {
            Assert.Same(SharedClock.Instance, silo.GetRequiredService<TimeProvider>());
            Assert.Same(TimeProvider.System, silo.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Grains));
            Assert.Same(TimeProvider.System, silo.GetRequiredKeyedService<TimeProvider>(ReminderTimeProviderNames.Reminders));
            Assert.Same(TimeProvider.System, silo.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Messaging));
        });
    }
}
