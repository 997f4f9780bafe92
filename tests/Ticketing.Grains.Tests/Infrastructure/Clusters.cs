using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;
using Ticketing.Events;
using Ticketing.Integration;
using Ticketing.Orders;
using Ticketing.Testing;

namespace Ticketing.Grains.Tests.Infrastructure;

/// <summary>
/// The clock every grain of the fake-time cluster reads. Silos are created by type, not by instance, so the one
/// instance all silos and tests share has to be static.
/// </summary>
public static class SharedClock
{
    public static FakeTimeProvider Instance { get; } = new(new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero));
}

/// <summary>
/// Grains read <see cref="SharedClock"/>; the runtime (grain timers, reminders, messaging, membership) keeps real
/// time, so advancing the clock exercises the grains' own expiry checks and nothing else.
/// </summary>
public sealed class FakeClockSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        // Before AddTicketingGrainServices, which only adds the system clock if none is registered.
        siloBuilder.Services.AddSingleton<TimeProvider>(SharedClock.Instance);
        siloBuilder.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        siloBuilder.Services.AddKeyedSingleton(TimeProviderNames.Grains, TimeProvider.System);
        TicketingTestSilo.Configure(siloBuilder, new Dictionary<string, string?>());
    }
}

/// <summary>Real time and a reservation window short enough to watch orders expire on their own.</summary>
public sealed class ShortWindowSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        TicketingTestSilo.Configure(siloBuilder, new Dictionary<string, string?>
        {
            [$"{OrderOptions.Section}:{nameof(OrderOptions.ReservationWindow)}"] = ShortWindowCluster.ReservationWindow.ToString("c"),
        });
}

/// <summary>
/// Real time; an event's new activation answers at once instead of waiting for its seats' tickets, as a large event
/// does, and tests may hold back those tickets' answers (<see cref="RecallGate"/>).
/// </summary>
public sealed class QuickRecallSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddOutgoingGrainCallFilter<RecallGate>();
        TicketingTestSilo.Configure(siloBuilder, new Dictionary<string, string?>
        {
            [$"{EventOptions.Section}:{nameof(EventOptions.LedgerRecallWait)}"] = TimeSpan.Zero.ToString("c"),
        });
    }
}

/// <summary>Real time; delivered events are written away (and waiting grains rest) only after ten minutes, as on PostgreSQL.</summary>
public sealed class SlowCleanUpSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        TicketingTestSilo.Configure(siloBuilder, new Dictionary<string, string?>
        {
            [$"{OutboxOptions.Section}:{nameof(OutboxOptions.CleanUpAfter)}"] = SlowCleanUpCluster.CleanUpAfter.ToString("c"),
        });
}

/// <summary>Two in-process silos and a client, shared by the tests of one collection.</summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    private TestCluster? cluster;

    public TestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>Each silo's service provider (the silos run in this process).</summary>
    public IReadOnlyList<IServiceProvider> SiloServices =>
        Cluster.Silos.Cast<InProcessSiloHandle>().Select(s => s.SiloHost.Services).ToList();

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        AddConfigurator(builder);
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    /// <summary>The charges for the order that some silo made and did not refund.</summary>
    public IReadOnlyList<string> ChargesKeptFor(string orderId) =>
        SiloServices.SelectMany(s => s.GetRequiredService<RecordingPaymentProcessor>().ChargesKeptFor(orderId)).ToList();

    protected abstract void AddConfigurator(TestClusterBuilder builder);
}

public sealed class FakeClockCluster : ClusterFixture
{
    public static FakeTimeProvider Clock => SharedClock.Instance;

    public static DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;

    protected override void AddConfigurator(TestClusterBuilder builder) =>
        builder.AddSiloBuilderConfigurator<FakeClockSiloConfigurator>();
}

public sealed class ShortWindowCluster : ClusterFixture
{
    public static readonly TimeSpan ReservationWindow = TimeSpan.FromSeconds(2);

    protected override void AddConfigurator(TestClusterBuilder builder) =>
        builder.AddSiloBuilderConfigurator<ShortWindowSiloConfigurator>();
}

public sealed class QuickRecallCluster : ClusterFixture
{
    protected override void AddConfigurator(TestClusterBuilder builder) =>
        builder.AddSiloBuilderConfigurator<QuickRecallSiloConfigurator>();
}

public sealed class SlowCleanUpCluster : ClusterFixture
{
    public static readonly TimeSpan CleanUpAfter = TimeSpan.FromMinutes(10);

    protected override void AddConfigurator(TestClusterBuilder builder) =>
        builder.AddSiloBuilderConfigurator<SlowCleanUpSiloConfigurator>();
}

/// <summary>Tests whose time stands still until they advance <see cref="SharedClock"/>; they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class FakeClockCollection : ICollectionFixture<FakeClockCluster>
{
    public const string Name = "fake clock cluster";
}

/// <summary>Tests that wait, in real time, for timers and reminders of a short reservation window.</summary>
[CollectionDefinition(Name)]
public sealed class ShortWindowCollection : ICollectionFixture<ShortWindowCluster>
{
    public const string Name = "short window cluster";
}

/// <summary>Tests of an event that answers while it rebuilds its ledger.</summary>
[CollectionDefinition(Name)]
public sealed class QuickRecallCollection : ICollectionFixture<QuickRecallCluster>
{
    public const string Name = "quick recall cluster";
}

/// <summary>Tests of grains that stay in memory after their change, as they do on PostgreSQL.</summary>
[CollectionDefinition(Name)]
public sealed class SlowCleanUpCollection : ICollectionFixture<SlowCleanUpCluster>
{
    public const string Name = "slow clean-up cluster";
}
