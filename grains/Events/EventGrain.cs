using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Ticketing.Common;
using Ticketing.Integration;
using Ticketing.Orders;
using Ticketing.Tickets;

namespace Ticketing.Events;

/// <summary>
/// Owns one drop's seat ledger. It awaits nothing but its own storage, so orders and tickets may call it
/// freely; a hold left behind by a crashed order is found by a periodic sweep and handed back to that order.
/// It is the hot grain of a drop, so what it tells others stays off the request path: its counters go out as one
/// in-memory notice at most ten times a second, published in a timer turn of its own, and its outbox (written
/// with the change, like every grain's) only ever holds <c>event.created</c> and <c>event.sold_out</c>.
/// </summary>
public sealed partial class EventGrain(
    [PersistentState("event", StorageNames.Grains)] IPersistentState<EventState> state,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider time,
    OutboxRelay relay,
    ILogger<EventGrain> logger) : Grain, IEventGrain, IRemindable
{
    private const string SweepReminder = "stale-holds";

    // How long after its expiry an unsold hold counts as left behind. The order's own timer normally got there
    // first; a hold whose order was never saved is only ever released this way, so keep it short. Reconciling
    // is idempotent, so an order nudged once too often costs one call.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(5);

    private SeatLedger ledger = null!;
    private IntegrationOutbox outbox = null!;
    private bool sweepArmed;

    private string EventId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ledger = new SeatLedger(state.State);
        outbox = relay.Attach(
            this,
            () => state.State.Outbox,
            delivered => state.State.Outbox.RemoveAll(e => delivered.Contains(e.Id)),
            state.WriteStateAsync);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        outbox.OnDeactivateAsync(reason);

    public async Task<EventView> CreateAsync(CreateEvent command)
    {
        if (!state.State.Exists)
        {
            state.State = new EventState
            {
                Title = command.Title,
                Price = command.Price,
                Capacity = command.Capacity,
                OnSaleAt = command.OnSaleAt,
                MaxPerUser = command.MaxPerUser,
                OrganizerId = command.OrganizerId,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            ledger = new SeatLedger(state.State);
            Announce(new EventCreated(
                command.Title, command.Price, command.Capacity, command.OnSaleAt, command.MaxPerUser, command.OrganizerId));
            await WriteAsync();
            await outbox.FlushNowAsync();
            LogCreated(logger, EventId, command.Capacity);
        }

        return View();
    }

    public Task<EventView?> GetAsync() => Task.FromResult(state.State.Exists ? View() : null);

    public Task<EventAvailability?> GetAvailabilityAsync() => Task.FromResult(
        state.State.Exists ? new EventAvailability(ledger.Available, ledger.Sold, state.State.Version) : null);

    public async Task<SeatAllocationResult> AllocateSeatAsync(AllocateSeat command)
    {
        if (!state.State.Exists)
        {
            return SeatAllocationResult.NotFound;
        }

        if (state.State.Holds.TryGetValue(command.OrderId, out var held))
        {
            return SeatAllocationResult.Allocated(Template(held.Seat));
        }

        var outcome = ledger.CanAllocate(command.BuyerId, time.GetUtcNow().UtcDateTime);
        if (outcome != SeatAllocationOutcome.Allocated)
        {
            return new SeatAllocationResult(outcome, null);
        }

        var seat = ledger.Allocate(command.OrderId, command.BuyerId, command.ExpiresAt);
        state.State.Version++;
        if (ledger.Available == 0 && !state.State.SoldOutAnnounced)
        {
            state.State.SoldOutAnnounced = true;
            Announce(new EventSoldOut(state.State.Capacity, ledger.Sold));
        }

        await WriteAsync();
        await ArmSweepAsync();
        return SeatAllocationResult.Allocated(Template(seat));
    }

    public Task<SeatTemplate?> GetSeatTemplateAsync(int seat) =>
        Task.FromResult(state.State.Exists && seat >= 1 && seat <= state.State.Capacity ? Template(seat) : null);

    public async Task<int?> ReleaseSeatAsync(string orderId)
    {
        var seat = ledger.Release(orderId);
        if (seat is not null)
        {
            state.State.Version++;
            await WriteAsync();
        }

        return seat;
    }

    public async Task MarkSoldAsync(string orderId)
    {
        if (ledger.MarkSold(orderId))
        {
            state.State.Version++;
            await WriteAsync();
        }
    }

    public Task<int?> GetSeatOfOrderAsync(string orderId) =>
        Task.FromResult(state.State.Holds.TryGetValue(orderId, out var hold) ? hold.Seat : (int?)null);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await outbox.FlushNowAsync();
        if (reminderName == IntegrationOutbox.ReminderName)
        {
            return;
        }

        if (!ledger.HasUnsoldHolds)
        {
            await DisarmSweepAsync();
            return;
        }

        var cutoff = time.GetUtcNow().UtcDateTime - StaleAfter;
        foreach (var orderId in ledger.StaleHolds(cutoff))
        {
            LogStaleHold(logger, EventId, orderId);
            GrainFactory.GetGrain<IOrderGrain>(orderId).ReconcileAsync(new ReconcileOrder(null, EventId)).Ignore();
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

    /// <summary>Writes the ledger, then tells the live feed its counters (a notice, not kept in the outbox).</summary>
    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        outbox.Written();
        var now = time.GetUtcNow().UtcDateTime;
        outbox.Notify(IntegrationEvent.Of(
            EventId, state.State.Version, now, new EventAvailabilityChanged(ledger.Available, ledger.Sold)));
    }

    /// <summary>Appends an event to the outbox at the event's current version; the next write carries it.</summary>
    private void Announce(IDomainEvent data) =>
        state.State.Outbox.Add(IntegrationEvent.Of(EventId, state.State.Version, time.GetUtcNow().UtcDateTime, data));

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} found a stale hold of order {OrderId}; asking the order to settle it")]
    private static partial void LogStaleHold(ILogger logger, string eventId, string orderId);
}
