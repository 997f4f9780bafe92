using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Streams;

namespace Ticketing.Integration;

/// <summary>What every grain's <see cref="IntegrationOutbox"/> shares: the publisher, the timings and the log.</summary>
public sealed class OutboxRelay(
    IIntegrationEventPublisher publisher,
    IOptions<ReminderOptions> reminderOptions,
    ILogger<IntegrationOutbox> logger)
{
    /// <summary>First retry after a failed publish; doubles per failure up to <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan MinRetryDelay = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>How long one flush may wait on NATS before giving up its turn (and retrying later).</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(2);

    /// <summary>In-cluster notices of one grain go out at most this often; the newest one wins.</summary>
    public static readonly TimeSpan NoticeInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long an acknowledged removal may stay unwritten, hoping the grain's next change carries it. Long enough
    /// that a drop's burst of reservations is not followed by as many clean-up writes while it is still selling
    /// (with 30 s they were two of every five grain-state writes of a 5,000-seat durable drop); inside JetStream's
    /// two-minute duplicate window, so an event published again after a crash is dropped there, and consumers
    /// deduplicate by version and id anyway.
    /// </summary>
    public static readonly TimeSpan PersistRemovalAfter = TimeSpan.FromSeconds(90);

    internal IIntegrationEventPublisher Publisher => publisher;

    internal TimeSpan ReminderPeriod => reminderOptions.Value.MinimumReminderPeriod;

    internal ILogger Logger => logger;

    /// <summary>
    /// The outbox of one activation. <paramref name="pending"/> reads the envelopes in the grain's state, oldest
    /// first; <paramref name="acknowledge"/> drops some of them from the state in memory; <paramref name="persist"/>
    /// writes the state.
    /// </summary>
    /// <summary>Attaches the outbox of an immutable state: delivered events leave it through <c>WithOutbox</c>.</summary>
    public IntegrationOutbox Attach<TState>(Grain grain, IPersistentState<TState> state)
        where TState : IOutboxState<TState> =>
        Attach(
            grain,
            () => state.State.Outbox,
            delivered => state.State = state.State.WithOutbox([.. state.State.Outbox.Where(e => !delivered.Contains(e.Id))]),
            state.WriteStateAsync);

    public IntegrationOutbox Attach(
        Grain grain,
        Func<IReadOnlyList<IntegrationEvent>> pending,
        Action<IReadOnlySet<string>> acknowledge,
        Func<Task> persist)
    {
        // A silo without the provider (a bare grain test cluster) simply has no in-cluster consumers.
        var streams = grain.GrainContext.ActivationServices.GetKeyedService<IStreamProvider>(DomainStreams.Provider);
        return new IntegrationOutbox(this, grain, streams, pending, acknowledge, persist);
    }
}
