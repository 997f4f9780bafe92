using Orleans.Streams;

namespace Ticketing.Integration;

/// <summary>
/// One grain's transactional outbox. The grain appends envelopes to its persisted state in the same write as the
/// change they describe, so an event exists only for a change that was written, and a write that happened is
/// never without its event. This publishes them in a grain-timer turn of its own right after the request that
/// wrote them, so no request waits on NATS: out of the cluster first (JetStream), then on the entity's Orleans
/// stream and on the listing stream it feeds. (A grain whose change a listing must show as soon as the request
/// returns flushes within the request instead, <see cref="FlushNowAsync"/>, which fails fast while NATS is known to
/// be down.) What was delivered leaves the state in memory and is written with the grain's next change, or on its
/// own shortly after. What was not stays, retried with backoff by the timer and by a reminder that outlives the
/// activation and its silo. A crash before that write republishes an event, which JetStream drops by its
/// <c>Nats-Msg-Id</c> and in-cluster consumers drop by its id.
/// <para>
/// A grain that only waits, once that clean-up is written, for a deadline its reminder keeps or for its owner's next
/// call (a held or sold seat, a placed order) may rest: the outbox deactivates it right after the clean-up, when the
/// grain's own condition allows, so a drop's tens of thousands of holds do not stay in memory for Orleans' idle
/// collection age. Its next call or reminder activates it again from storage, clean, with nothing to republish.
/// </para>
/// </summary>
public sealed partial class IntegrationOutbox
{
    public const string ReminderName = "integration-outbox";

    private readonly OutboxRelay relay;
    private readonly Grain grain;
    private readonly IStreamProvider? streams;
    private readonly Func<IReadOnlyList<IntegrationEvent>> pending;
    private readonly Action<IReadOnlySet<string>> acknowledge;
    private readonly Func<Task> persist;
    private readonly Func<bool>? mayRest;
    private readonly GrainId grainId;

    private IGrainTimer? timer;
    private DateTime? dueAt;
    private DateTime? retryAt;
    private DateTime? persistAt;
    private int failures;
    private bool removalUnsaved;
    private bool reminderArmed;

    // The clean-up is written and the grain rests as soon as its own condition allows, asked again after this long.
    private bool restDue;
    private TimeSpan restRecheck = FirstRestRecheck;
    private IntegrationEvent? notice;
    private DateTime noticeSentAt;

    internal IntegrationOutbox(
        OutboxRelay relay,
        Grain grain,
        IStreamProvider? streams,
        Func<IReadOnlyList<IntegrationEvent>> pending,
        Action<IReadOnlySet<string>> acknowledge,
        Func<Task> persist,
        Func<bool>? mayRest)
    {
        this.relay = relay;
        this.grain = grain;
        this.streams = streams;
        this.pending = pending;
        this.acknowledge = acknowledge;
        this.persist = persist;
        this.mayRest = mayRest;
        grainId = grain.GetGrainId();

        // Envelopes an earlier activation left behind may have armed the reminder: it goes once they are out.
        if (pending().Count > 0)
        {
            reminderArmed = true;
            Schedule(TimeSpan.Zero);
        }
    }

    /// <summary>
    /// How soon a grain that wants to rest, but may not yet, asks its condition again; the wait doubles up to
    /// <see cref="LastRestRecheck"/>, so a grain that cannot rest for long (its reminder registration failed, a payment
    /// hangs) costs a timer turn every half minute, not four a second.
    /// </summary>
    private static readonly TimeSpan FirstRestRecheck = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan LastRestRecheck = TimeSpan.FromSeconds(30);

    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    private bool HasWork => pending().Count > 0 || notice is not null;

    /// <summary>Call after every write of the grain's state: it carried the removals so far, maybe new envelopes.</summary>
    public void Written()
    {
        removalUnsaved = false;
        persistAt = null;
        if (pending().Count > 0)
        {
            Schedule(TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Sends an in-cluster notice with a flush, at most one per <see cref="OutboxRelay.NoticeInterval"/>. It is not
    /// persisted: a newer one replaces it unsent, since each carries the whole picture (the live counters).
    /// </summary>
    public void Notify(IntegrationEvent latest)
    {
        notice = latest;
        var wait = noticeSentAt + OutboxRelay.NoticeInterval - Now;
        Schedule(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
    }

    /// <summary>
    /// Flushes now: for the grain's reminders (this outbox's, or its own deadlines passing by), and for a request whose
    /// change a listing reads back at once. Never throws; what could not be published stays for the retries.
    /// </summary>
    public Task FlushNowAsync() => RunAsync();

    /// <summary>
    /// Rests the grain at once when it has nothing to publish or write and its own condition allows: for a grain woken
    /// only to answer a question (a seat's ticket asked by its event's ledger rebuild), which would otherwise stay in
    /// memory for Orleans' idle collection age.
    /// </summary>
    public void RestIfIdle()
    {
        if (mayRest is not null && dueAt is null && !HasWork && !removalUnsaved)
        {
            TryRest();
        }
    }

    /// <summary>Writes a delivered removal before the activation goes away, so a later one does not republish.</summary>
    public async Task OnDeactivateAsync(DeactivationReason reason)
    {
        // Only when the grain simply goes idle: an activation dropped after a fault may hold a change that was never
        // written, and a silo shutting down may have lost its storage already. A republish is deduplicated anyway.
        if (removalUnsaved && reason.ReasonCode is DeactivationReasonCode.ActivationIdle or DeactivationReasonCode.ApplicationRequested)
        {
            await PersistRemovalAsync();
        }
    }

    private void Schedule(TimeSpan due)
    {
        var at = Now + due;
        if (dueAt is { } already && already <= at)
        {
            return;
        }

        dueAt = at;
        if (timer is null)
        {
            timer = grain.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan));
        }
        else
        {
            timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private Task OnTimerAsync(CancellationToken cancellationToken)
    {
        dueAt = null;
        return RunAsync();
    }

    private async Task RunAsync()
    {
        if (HasWork)
        {
            await FlushAsync();
        }

        if (removalUnsaved && persistAt <= Now)
        {
            await PersistRemovalAsync();
            restDue = mayRest is not null && !removalUnsaved;
            restRecheck = FirstRestRecheck;
        }

        var next = HasWork ? retryAt : null;
        if (removalUnsaved && (next is null || persistAt < next))
        {
            next = persistAt;
        }

        if (next is null && restDue && !TryRest())
        {
            next = Now + restRecheck;
            restRecheck = restRecheck * 2 < LastRestRecheck ? restRecheck * 2 : LastRestRecheck;
        }

        if (next is { } at)
        {
            Schedule(at > Now ? at - Now : TimeSpan.Zero);
        }
    }

    private async Task FlushAsync()
    {
        var batch = pending().ToArray();
        if (!relay.Publisher.IsAvailable)
        {
            LogUnavailable(relay.Logger, grainId, batch.Length);
            await FailedAsync();
            return;
        }

        var delivered = new HashSet<string>();
        var complete = false;
        try
        {
            using var timeout = new CancellationTokenSource(OutboxRelay.PublishTimeout);
            var published = batch.Length == 0 ? 0 : await relay.Publisher.PublishAsync(batch, timeout.Token);
            for (var i = 0; i < published; i++)
            {
                await ToStreamAsync(batch[i]);
                delivered.Add(batch[i].Id);
            }

            complete = published == batch.Length;
            if (complete && notice is { } latest)
            {
                await ToStreamAsync(latest);
                notice = null;
                noticeSentAt = Now;
            }
        }
        catch (Exception e)
        {
            complete = false;
            LogPublishFailed(relay.Logger, e, grainId, batch.Length - delivered.Count);
        }

        if (delivered.Count > 0)
        {
            acknowledge(delivered);
            removalUnsaved = true;
            persistAt ??= Now + relay.CleanUpAfter;
        }

        if (!complete)
        {
            await FailedAsync();
            return;
        }

        failures = 0;
        retryAt = null;
        if (reminderArmed && pending().Count == 0)
        {
            await DisarmReminderAsync();
        }
    }

    /// <summary>On the entity's stream, then on the listing stream it feeds (if any): both, or it is published again.</summary>
    private async Task ToStreamAsync(IntegrationEvent e)
    {
        if (streams is null)
        {
            return;
        }

        // The NATS provider waits for its connection rather than failing; never let it hold the grain's turn.
        await streams.GetStream<IntegrationEvent>(StreamIdOf(e)).OnNextAsync(e).WaitAsync(OutboxRelay.PublishTimeout);
        if (DomainStreams.ListingOf(e) is var (listing, key))
        {
            await streams.GetStream<IntegrationEvent>(StreamId.Create(listing, key)).OnNextAsync(e).WaitAsync(OutboxRelay.PublishTimeout);
        }
    }

    private static StreamId StreamIdOf(IntegrationEvent e)
    {
        var (ns, key) = DomainStreams.StreamOf(e.Entity, e.EntityId);
        return StreamId.Create(ns, key);
    }

    private async Task FailedAsync()
    {
        failures++;
        var backoff = OutboxRelay.MinRetryDelay * Math.Pow(2, Math.Min(failures - 1, 10));
        retryAt = Now + (backoff < OutboxRelay.MaxRetryDelay ? backoff : OutboxRelay.MaxRetryDelay);
        if (reminderArmed || pending().Count == 0)
        {
            return;
        }

        try
        {
            // The timer dies with the activation; the reminder brings the grain back to finish the job.
            await grain.RegisterOrUpdateReminder(ReminderName, relay.ReminderPeriod, relay.ReminderPeriod);
            reminderArmed = true;
        }
        catch (Exception e)
        {
            LogReminderFailed(relay.Logger, e, grainId);
        }
    }

    private async Task DisarmReminderAsync()
    {
        try
        {
            var reminder = await grain.GetReminder(ReminderName);
            if (reminder is not null)
            {
                await grain.UnregisterReminder(reminder);
            }

            reminderArmed = false;
        }
        catch (Exception e)
        {
            LogReminderFailed(relay.Logger, e, grainId);
        }
    }

    private async Task PersistRemovalAsync()
    {
        try
        {
            await persist();
            removalUnsaved = false;
            persistAt = null;
        }
        catch (Exception e)
        {
            // Harmless: the envelopes are published again later and deduplicated by id.
            persistAt = Now + relay.CleanUpAfter;
            LogPersistFailed(relay.Logger, e, grainId);
        }
    }

    /// <summary>
    /// Deactivates the grain, its outbox being clean, if the grain's own condition allows it now; otherwise the
    /// caller looks again shortly (a reminder registration still on its way, a payment in flight).
    /// </summary>
    private bool TryRest()
    {
        if (!mayRest!())
        {
            return false;
        }

        restDue = false;
        LogResting(relay.Logger, grainId);
        grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "Settled: waiting only for its deadline or its owner."));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{GrainId} rests: its outbox is clean and it only waits")]
    private static partial void LogResting(ILogger logger, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{GrainId} keeps {Count} integration events: NATS is unavailable")]
    private static partial void LogUnavailable(ILogger logger, GrainId grainId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{GrainId} could not publish {Count} integration events; retrying")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, GrainId grainId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{GrainId} could not arm or disarm its outbox reminder")]
    private static partial void LogReminderFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{GrainId} could not write its delivered outbox; it will publish again")]
    private static partial void LogPersistFailed(ILogger logger, Exception exception, GrainId grainId);
}
