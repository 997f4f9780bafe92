using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Ticketing.Common;
using Ticketing.Orders;
using Ticketing.Tickets;

namespace Ticketing.Events;

/// <summary>
/// Owns one drop's seat ledger. It awaits nothing but its own storage, so orders and tickets may call it
/// freely; a hold left behind by a crashed order is found by a periodic sweep and handed back to that order.
/// </summary>
public sealed partial class EventGrain(
    [PersistentState("event", StorageNames.Grains)] IPersistentState<EventState> state,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider time,
    ILogger<EventGrain> logger) : Grain, IEventGrain, IRemindable
{
    private const string SweepReminder = "stale-holds";

    // How long after its expiry an unsold hold counts as left behind (its order and ticket had their chance).
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    private SeatLedger ledger = null!;
    private bool sweepArmed;

    private string EventId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ledger = new SeatLedger(state.State);
        return Task.CompletedTask;
    }

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
            await state.WriteStateAsync();
            await GrainFactory.EventCatalog().AddAsync(new IndexPosition(state.State.CreatedAt, EventId));
            LogCreated(logger, EventId, command.Capacity);
        }

        return View();
    }

    public Task<EventView?> GetAsync() => Task.FromResult(state.State.Exists ? View() : null);

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
        await state.WriteStateAsync();
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
            await state.WriteStateAsync();
        }

        return seat;
    }

    public async Task MarkSoldAsync(string orderId)
    {
        if (ledger.MarkSold(orderId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<int?> GetSeatOfOrderAsync(string orderId) =>
        Task.FromResult(state.State.Holds.TryGetValue(orderId, out var hold) ? hold.Seat : (int?)null);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
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
