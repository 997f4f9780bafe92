using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Streams;

namespace Ticketing.Integration;

/// <summary>What every grain's <see cref="IntegrationOutbox"/> shares: the publisher, the timings and the log.</summary>
public sealed class OutboxRelay(
    IIntegrationEventPublisher publisher,
    IOptions<ReminderOptions> reminderOptions,
    IOptions<OutboxOptions> outboxOptions,
    ILogger<IntegrationOutbox> logger)
{
    /// <summary>First retry after a failed publish; doubles per failure up to <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan MinRetryDelay = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>How long one flush may wait on NATS before giving up its turn (and retrying later).</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(2);

    /// <summary>In-cluster notices of one grain go out at most this often; the newest one wins.</summary>
    public static readonly TimeSpan NoticeInterval = TimeSpan.FromMilliseconds(100);

    internal IIntegrationEventPublisher Publisher => publisher;

    internal TimeSpan ReminderPeriod => reminderOptions.Value.MinimumReminderPeriod;

    /// <summary>How long a delivered removal may stay unwritten (<see cref="OutboxOptions.CleanUpAfter"/>).</summary>
    internal TimeSpan CleanUpAfter => outboxOptions.Value.CleanUpAfter;

    internal ILogger Logger => logger;

    /// <summary>
    /// Attaches the outbox of an immutable state: delivered events leave it through <c>WithOutbox</c>. A grain that
    /// passes <paramref name="mayRest"/> is deactivated once its outbox is clean in storage and the function says it
    /// has nothing left to do in memory (see <see cref="IntegrationOutbox"/>).
    /// </summary>
    public IntegrationOutbox Attach<TState>(Grain grain, IPersistentState<TState> state, Func<bool>? mayRest = null)
        where TState : IOutboxState<TState>
    {
        // A silo without the provider (a bare grain test cluster) simply has no in-cluster consumers.
        var streams = grain.GrainContext.ActivationServices.GetKeyedService<IStreamProvider>(DomainStreams.Provider);
        return new IntegrationOutbox(
            this,
            grain,
            streams,
            () => state.State.Outbox,
            delivered => state.State = state.State.WithOutbox([.. state.State.Outbox.Where(e => !delivered.Contains(e.Id))]),
            state.WriteStateAsync,
            mayRest);
    }
}
