using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Placement;
using Ticketing.Common;
using Ticketing.Integration;
using Ticketing.Orders;
using Ticketing.Tickets;

namespace Ticketing.Events;

/// <summary>
/// Owns one drop's seat ledger, the point every buyer of the drop passes through, so it keeps that path free of
/// I/O: the ledger lives in memory and an allocation is a few dictionary operations. What makes a reservation
/// durable is the seat's ticket (its lock, written by the ticket grain in the same saga), not this grain, which
/// writes only what it is (once), how far its seats have been handed out (a block of
/// <see cref="SeatBlock"/> seats at a time, so one reservation in that many waits for a write) and its rare
/// integration events. A new activation rebuilds the ledger by asking the ticket of every seat handed out; it
/// answers calls once that is done or after <see cref="EventOptions.LedgerRecallWait"/>, whichever comes first, and
/// a large event finishes it while answering (<see cref="SeatLedger.IsRecalling"/>).
/// It awaits nothing but its storage and those read-only ticket questions, so orders and tickets may call it
/// freely; a hold left behind by a crashed order is found by a periodic sweep and handed back to that order.
/// Its counters go out as one in-memory notice at most ten times a second, in a timer turn of its own.
/// </summary>
[PreferLocalPlacement]
public sealed partial class EventGrain(
    [PersistentState("event", StorageNames.Grains)] IPersistentState<EventState> state,
    IOptions<ReminderOptions> reminderOptions,
    IOptions<EventOptions> options,
    TimeProvider time,
    OutboxRelay relay,
    ILogger<EventGrain> logger) : Grain, IEventGrain, IRemindable
{
    /// <summary>How far a new activation raises the version it read, so in-memory changes never reuse a number.</summary>
    public const long VersionHeadroom = 1L << 32;

    /// <summary>Seats handed out per write of <see cref="EventState.SeatsIssued"/>.</summary>
    public const int SeatBlock = 256;

    private const string SweepReminder = "stale-holds";

    // Tickets asked at once while rebuilding the ledger.
    private const int RecallParallelism = 64;

    // How long after its expiry an unsold hold counts as left behind. The order's own timer normally got there
    // first; a hold whose order was never saved is only ever released this way, so keep it short. Reconciling
    // is idempotent, so an order nudged once too often costs one call.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(5);

    private SeatLedger ledger = null!;
    private IntegrationOutbox outbox = null!;
    private long version;
    private bool sweepArmed;
    private IGrainTimer? finishRecall;

    private string EventId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        outbox = relay.Attach(this, state);
        ledger = NewLedger();
        version = state.State.Version;
        if (state.State.Exists && state.State.SeatsIssued > 0)
        {
            version += VersionHeadroom;
            await WriteAsync();
            ledger.BeginRecall(state.State.SeatsIssued);
            var recall = RecallSeatsAsync();

            // An activation that takes longer than Orleans allows is dropped and started over, so a large event must
            // not hold its activation for the whole recall: it answers meanwhile and finishes in the background.
            await Task.WhenAny(recall, Task.Delay(options.Value.LedgerRecallWait, cancellationToken));
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        outbox.OnDeactivateAsync(reason);

    public async Task<EventView> CreateAsync(CreateEvent command)
    {
        if (!state.State.Exists)
        {
            var created = new EventState
            {
                Title = command.Title,
                Price = command.Price,
                Capacity = command.Capacity,
                OnSaleAt = command.OnSaleAt,
                MaxPerUser = command.MaxPerUser,
                OrganizerId = command.OrganizerId,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            state.State = Announce(created, new EventCreated(
                command.Title, command.Price, command.Capacity, command.OnSaleAt, command.MaxPerUser, command.OrganizerId));
            ledger = NewLedger();
            await WriteAsync();
            await outbox.FlushNowAsync();
            LogCreated(logger, EventId, command.Capacity);
        }

        return View();
    }

    public Task<EventView?> GetAsync() => Task.FromResult(state.State.Exists ? View() : null);

    public Task<EventAvailability?> GetAvailabilityAsync() => Task.FromResult(
        state.State.Exists ? new EventAvailability(ledger.Available, ledger.Sold, version) : null);

    public async Task<SeatAllocationResult> AllocateSeatAsync(AllocateSeat command)
    {
        if (!state.State.Exists)
        {
            return SeatAllocationResult.NotFound;
        }

        if (ledger.SeatOf(command.OrderId) is { } held)
        {
            return SeatAllocationResult.Allocated(Template(held), firstHold: false);
        }

        var outcome = ledger.CanAllocate(command.BuyerId, time.GetUtcNow().UtcDateTime);
        if (outcome != SeatAllocationOutcome.Allocated)
        {
            return new SeatAllocationResult(outcome, null);
        }

        if (ledger.PeekSeat() > state.State.SeatsIssued)
        {
            // Seats are issued a block ahead, so a new activation knows which tickets to ask; the block is written
            // before its first seat leaves.
            await WriteAsync(state.State with { SeatsIssued = Math.Min(state.State.SeatsIssued + SeatBlock, state.State.Capacity) });
        }

        var (seat, firstHold) = ledger.Allocate(command.OrderId, command.BuyerId, command.ExpiresAt);
        await ChangedAsync();
        await ArmSweepAsync();
        return SeatAllocationResult.Allocated(Template(seat), firstHold);
    }

    public Task<SeatTemplate?> GetSeatTemplateAsync(int seat) =>
        Task.FromResult(state.State.Exists && seat >= 1 && seat <= state.State.Capacity ? Template(seat) : null);

    public async Task<int?> ReleaseSeatAsync(string orderId)
    {
        var seat = ledger.Release(orderId);
        if (seat is not null)
        {
            await ChangedAsync();
        }

        return seat;
    }

    public async Task MarkSoldAsync(string orderId)
    {
        if (ledger.MarkSold(orderId))
        {
            await ChangedAsync();
        }
    }

    public async Task HandOverSeatAsync(string orderId, SeatHoldRecord holder)
    {
        LogSeatHandedOver(logger, EventId, orderId, holder.OrderId);
        ledger.HandOver(orderId, holder);
        await ChangedAsync();
    }

    public Task<int?> GetSeatOfOrderAsync(string orderId) => Task.FromResult(ledger.SeatOf(orderId));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await outbox.FlushNowAsync();
        if (reminderName == IntegrationOutbox.ReminderName || ledger.IsRecalling)
        {
            return;
        }

        if (!ledger.HasUnsoldHolds)
        {
            await DisarmSweepAsync();
            return;
        }

        var cutoff = time.GetUtcNow().UtcDateTime - StaleAfter;
        foreach (var (orderId, seat) in ledger.StaleHolds(cutoff))
        {
            LogStaleHold(logger, EventId, orderId);
            GrainFactory.GetGrain<IOrderGrain>(orderId)
                .ReconcileAsync(new ReconcileOrder(Ids.SeatTicketId(EventId, seat), EventId)).Ignore();
        }
    }

    /// <summary>
    /// Asks the ticket of every seat handed out who holds it, a chunk at a time, each chunk's answers recalled into
    /// the ledger as they come (the counters grow exact as it goes); seats nobody holds are free again. Runs on the
    /// activation's scheduler between the calls it answers meanwhile. Should a ticket not answer, the activation is
    /// dropped and the next call starts over.
    /// </summary>
    private async Task RecallSeatsAsync()
    {
        var issued = ledger.NextSeat - 1;
        var started = Stopwatch.GetTimestamp();
        try
        {
            // From the last seat down, so the freed seats' stack hands out the lowest first, as before the loss.
            for (var last = issued; last >= 1; last -= RecallParallelism)
            {
                var count = Math.Min(RecallParallelism, last);
                var seats = Enumerable.Range(last - count + 1, count).Reverse().ToArray();
                var holds = await Task.WhenAll(seats.Select(seat =>
                    GrainFactory.Reference<ITicketGrain>(Ids.SeatTicketId(EventId, seat)).GetHoldAsync()));
                for (var i = 0; i < seats.Length; i++)
                {
                    ledger.Recall(seats[i], holds[i]);
                }

                version++;
                NotifyCounters();
            }

            // This runs between other turns; what writes state (event.sold_out) gets a turn of its own.
            finishRecall = this.RegisterGrainTimer(FinishRecallAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogRecalled(logger, EventId, issued, ledger.Available, ledger.Sold, elapsed.TotalMilliseconds);
        }
        catch (Exception e)
        {
            LogRecallFailed(logger, e, EventId, issued);
            DeactivateOnIdle();
        }
    }

    /// <summary>The ledger is whole again: what waited for it (the sold-out announcement, the sweep) goes ahead.</summary>
    private async Task FinishRecallAsync(CancellationToken cancellationToken)
    {
        finishRecall?.Dispose();
        finishRecall = null;
        await ChangedAsync();
        if (ledger.HasUnsoldHolds)
        {
            await ArmSweepAsync();
        }
    }

    private async Task ArmSweepAsync()
    {
        if (!sweepArmed)
        {
            var period = reminderOptions.Value.MinimumReminderPeriod;
            await this.RegisterOrUpdateReminder(SweepReminder, period, period);
            sweepArmed = true;
        }
    }

    private async Task DisarmSweepAsync()
    {
        await DurableDeadline.DisarmAsync(this, SweepReminder);
        sweepArmed = false;
    }

    /// <summary>
    /// A change of the ledger: a new version, the live feed told (a notice, not kept in the outbox), and the first
    /// time no seat is left, <c>event.sold_out</c> written.
    /// </summary>
    private async Task ChangedAsync()
    {
        version++;
        if (ledger.Available == 0 && !ledger.IsRecalling && !state.State.SoldOutAnnounced)
        {
            await WriteAsync(Announce(state.State with { SoldOutAnnounced = true }, new EventSoldOut(state.State.Capacity, ledger.Sold)));
        }

        NotifyCounters();
    }

    private void NotifyCounters() => outbox.Notify(IntegrationEvent.Of(
        EventId, version, time.GetUtcNow().UtcDateTime, new EventAvailabilityChanged(ledger.Available, ledger.Sold)));

    private async Task WriteAsync(EventState? changed = null)
    {
        state.State = (changed ?? state.State) with { Version = version };
        await state.WriteStateAsync();
        outbox.Written();
    }

    /// <summary>The state with an event appended to its outbox, at the event's current version.</summary>
    private EventState Announce(EventState e, IDomainEvent data) =>
        e with { Outbox = [.. e.Outbox, IntegrationEvent.Of(EventId, version, time.GetUtcNow().UtcDateTime, data)] };

    private SeatLedger NewLedger() =>
        new(state.State.Capacity, state.State.OrganizerId, state.State.OnSaleAt, state.State.MaxPerUser);

    private SeatTemplate Template(int seat) =>
        new(EventId, seat, state.State.Title, state.State.Price, state.State.OrganizerId, state.State.CreatedAt);

    private EventView View()
    {
        var e = state.State;
        return new EventView(
            EventId, e.Title, e.Price, e.Capacity, ledger.Available, ledger.Sold, e.OnSaleAt, e.MaxPerUser,
            e.OrganizerId, e.CreatedAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} created with {Capacity} seats")]
    private static partial void LogCreated(ILogger logger, string eventId, int capacity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} rebuilt its ledger from {Seats} seats' tickets in {ElapsedMs:F0} ms: {Available} available, {Sold} sold")]
    private static partial void LogRecalled(ILogger logger, string eventId, int seats, int available, int sold, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} could not rebuild its ledger from {Seats} seats' tickets; the next call starts over")]
    private static partial void LogRecallFailed(ILogger logger, Exception exception, string eventId, int seats);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} found a stale hold of order {OrderId}; asking the order to settle it")]
    private static partial void LogStaleHold(ILogger logger, string eventId, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} gave order {OrderId} a seat its ticket says order {HolderId} holds; the seat stays with the holder")]
    private static partial void LogSeatHandedOver(ILogger logger, string eventId, string orderId, string holderId);
}
