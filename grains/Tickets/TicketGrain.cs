using Orleans.Placement;
using Ticketing.Common;
using Ticketing.Events;
using Ticketing.Integration;
using Ticketing.Orders;

namespace Ticketing.Tickets;

/// <summary>
/// Owns one ticket and its lock. Calls only downstream (its event) and never awaits an order, so orders may await
/// it without a cycle; it tells an order about a stale hold by a one-way message. Every versioned change carries its
/// <c>ticket.created</c> / <c>ticket.updated</c> in the same write (the outbox); the listing learns of a stand-alone
/// ticket's changes from those events on its stream, never from a call.
/// </summary>
[PreferLocalPlacement]
public sealed partial class TicketGrain(
    [PersistentState("ticket", StorageNames.Grains)] IPersistentState<TicketState> state,
    DurableDeadline deadline,
    OutboxRelay relay,
    ILogger<TicketGrain> logger) : Grain, ITicketGrain, IRemindable
{
    private const string HoldReminder = "hold-expiry";

    private IntegrationOutbox outbox = null!;

    // The hold's reminder, which the reserving order does not wait for; a seat's hold registers it only once the ticket
    // is about to leave memory (its event's sweep backs the hold up meanwhile).
    private ExpiryReminder holdReminder = null!;

    private string TicketId => this.GetPrimaryKeyString();

    /// <summary>
    /// Nothing to do in memory: a hold waits for its reminder or its order, a sold or free ticket for its next call.
    /// Not while a payment is in flight (its outcome arrives in moments) or the hold's reminder is not yet registered.
    /// </summary>
    private bool MayRest =>
        state.State.Lock is not { Paying: true } && (state.State.Status != TicketStatus.Reserved || holdReminder.ReadyForRest());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        holdReminder = new ExpiryReminder(this, HoldReminder, deadline);
        outbox = relay.Attach(this, state, mayRest: () => MayRest);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await holdReminder.OnDeactivateAsync();
        await outbox.OnDeactivateAsync(reason);
    }

    public async Task<TicketView?> GetAsync()
    {
        if (!state.State.Exists)
        {
            var seat = await FindSeatAsync();
            return seat is null ? null : TicketState.FromSeat(seat).ToView(TicketId);
        }

        await ReleaseExpiredHoldAsync();
        return View();
    }

    public async Task<TicketView> CreateAsync(CreateTicket command)
    {
        if (!state.State.Exists)
        {
            var ticket = new TicketState
            {
                Title = command.Title,
                Price = command.Price,
                SellerId = command.SellerId,
                CreatedAt = deadline.UtcNow,
                Status = TicketStatus.Available,
            };

            // Listed at the moment it was created: the listing takes that moment from the event.
            state.State = Announce(ticket, Created(ticket), ticket.CreatedAt);
            await SaveAsync();
        }

        return View();
    }

    public async Task<TicketUpdateResult> UpdateAsync(UpdateTicket command)
    {
        if (!state.State.Exists)
        {
            var seat = await FindSeatAsync();
            if (seat is null)
            {
                return TicketUpdateResult.NotFound;
            }

            return seat.OrganizerId == command.UserId ? TicketUpdateResult.EventTicket : TicketUpdateResult.NotOwner;
        }

        await ReleaseExpiredHoldAsync();
        var ticket = state.State;
        if (ticket.SellerId != command.UserId)
        {
            return TicketUpdateResult.NotOwner;
        }

        if (ticket.Status != TicketStatus.Available)
        {
            return TicketUpdateResult.Reserved;
        }

        if (ticket.EventId is not null)
        {
            return TicketUpdateResult.EventTicket;
        }

        var edited = ticket with { Title = command.Title, Price = command.Price, Version = ticket.Version + 1 };
        state.State = Announce(edited, Updated(edited, TicketChange.Edited, orderId: null));
        await SaveAsync();
        return TicketUpdateResult.Updated(View());
    }

    public async Task<TicketReserveResult> ReserveAsync(ReserveTicket command)
    {
        if (!state.State.Exists)
        {
            if (command.Seat is not null && Ids.SeatTicketId(command.Seat.EventId, command.Seat.Seat) == TicketId)
            {
                // A seat comes to life with its first reservation; it is announced as created in the same write.
                var seat = TicketState.FromSeat(command.Seat);
                state.State = Announce(seat, Created(seat));
            }
            else
            {
                return await FindSeatAsync() is null ? TicketReserveResult.NotFound : TicketReserveResult.EventTicket;
            }
        }
        else if (state.State.EventId is not null && command.Seat is null)
        {
            // An event's seat is only sold through its event, which enforces on-sale time and per-buyer limits.
            return TicketReserveResult.EventTicket;
        }

        await ReleaseExpiredHoldAsync();
        var ticket = state.State;
        if (ticket.Lock?.OrderId == command.OrderId)
        {
            return TicketReserveResult.Reserved(View());
        }

        if (ticket.SellerId == command.BuyerId)
        {
            return TicketReserveResult.OwnTicket;
        }

        if (ticket.Status != TicketStatus.Available)
        {
            return TicketReserveResult.AlreadyHeld;
        }

        var reserved = ticket with
        {
            Status = TicketStatus.Reserved,
            Lock = new TicketLock(command.OrderId, command.ExpiresAt, Paying: false, command.BuyerId),
            Version = ticket.Version + 1,
        };
        state.State = Announce(reserved, Updated(reserved, TicketChange.Reserved, command.OrderId));
        await SaveAsync();
        holdReminder.ArmHold(command.ExpiresAt, reserved.EventId);
        return TicketReserveResult.Reserved(View());
    }

    public async Task<bool> BeginPaymentAsync(string orderId)
    {
        await ReleaseExpiredHoldAsync();
        var ticket = state.State;
        if (ticket.Status != TicketStatus.Reserved || ticket.Lock is not { } hold || hold.OrderId != orderId)
        {
            return false;
        }

        if (!hold.Paying)
        {
            state.State = ticket with { Lock = hold with { Paying = true } };
            await WriteAsync();
        }

        return true;
    }

    public async Task EndPaymentAsync(string orderId)
    {
        var ticket = state.State;
        if (ticket.Status == TicketStatus.Reserved && ticket.Lock is { Paying: true } hold && hold.OrderId == orderId)
        {
            state.State = ticket with { Lock = hold with { Paying = false } };
            await WriteAsync();
        }
    }

    public async Task<bool> SellAsync(string orderId)
    {
        var ticket = state.State;
        if (ticket.Lock?.OrderId != orderId || ticket.Status == TicketStatus.Available)
        {
            return false;
        }

        if (ticket.Status == TicketStatus.Reserved)
        {
            var sold = ticket with { Status = TicketStatus.Sold, Version = ticket.Version + 1 };
            state.State = Announce(sold, Updated(sold, TicketChange.Sold, orderId));
            await SaveAsync();
            await DisarmHoldReminderAsync();
        }

        return true;
    }

    public async Task ReleaseAsync(string orderId)
    {
        var ticket = state.State;
        if (ticket.Status == TicketStatus.Reserved && ticket.Lock?.OrderId == orderId)
        {
            await FreeAsync();
        }
    }

    public Task<SeatHoldRecord?> GetHoldAsync()
    {
        // Mostly asked by an event rebuilding its ledger, which wakes every seat's ticket once: one with nothing else
        // to do goes back to rest instead of staying in memory.
        outbox.RestIfIdle();
        return Task.FromResult(state.State.ToHoldRecord());
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await outbox.FlushNowAsync();
        if (reminderName == IntegrationOutbox.ReminderName)
        {
            return;
        }

        if (state.State.Status != TicketStatus.Reserved)
        {
            await DisarmHoldReminderAsync();
            return;
        }

        await ReleaseExpiredHoldAsync();
    }

    /// <summary>
    /// A hold past its expiry frees the ticket the moment anyone looks, so a buyer never waits on a timer. The
    /// ticket also tells its event and nudges the order, which covers an order that never came to life.
    /// </summary>
    private async Task ReleaseExpiredHoldAsync()
    {
        if (!state.State.HoldExpiredAt(deadline.UtcNow))
        {
            return;
        }

        var orderId = state.State.Lock!.OrderId;
        LogHoldExpired(logger, TicketId, orderId);
        await FreeAsync();
        GrainFactory.GetGrain<IOrderGrain>(orderId).ReconcileAsync(new ReconcileOrder(TicketId, null)).Ignore();
    }

    private async Task FreeAsync()
    {
        var ticket = state.State;
        var orderId = ticket.Lock!.OrderId;
        var freed = ticket with { Status = TicketStatus.Available, Lock = null, Version = ticket.Version + 1 };
        state.State = Announce(freed, Updated(freed, TicketChange.Released, orderId));
        await SaveAsync();
        await DisarmHoldReminderAsync();
        if (ticket.EventId is { } eventId)
        {
            await GrainFactory.GetGrain<IEventGrain>(eventId).ReleaseSeatAsync(orderId);
        }
    }

    private Task DisarmHoldReminderAsync() => holdReminder.DisarmAsync();

    /// <summary>
    /// Writes a versioned change. A stand-alone ticket also publishes it before answering: the listing reads it from
    /// its stream, and a listing read that starts after this request returned waits for what was published before
    /// it. While NATS is known to be down this fails fast, and the listing shows the change once it is back. An
    /// event's seats are never listed, so a drop never waits on this.
    /// </summary>
    private async Task SaveAsync()
    {
        await WriteAsync();
        if (state.State.EventId is null)
        {
            await outbox.FlushNowAsync();
        }
    }

    private async Task<SeatTemplate?> FindSeatAsync() =>
        Ids.TryParseSeat(TicketId, out var eventId, out var seat)
            ? await GrainFactory.GetGrain<IEventGrain>(eventId).GetSeatTemplateAsync(seat)
            : null;

    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        outbox.Written();
    }

    /// <summary>The ticket after a change, with the change's event appended to its outbox, at the ticket's version.</summary>
    private TicketState Announce(TicketState ticket, IDomainEvent data, DateTime? occurredAt = null) =>
        ticket with { Outbox = [.. ticket.Outbox, IntegrationEvent.Of(TicketId, ticket.Version, occurredAt ?? deadline.UtcNow, data)] };

    private static TicketCreated Created(TicketState t) => new(t.Title, t.Price, t.SellerId, t.EventId, t.Status);

    private static TicketUpdated Updated(TicketState t, TicketChange change, string? orderId) =>
        new(change, t.Status, t.Title, t.Price, orderId, t.EventId);

    private TicketView View() => state.State.ToView(TicketId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hold of order {OrderId} on ticket {TicketId} expired")]
    private static partial void LogHoldExpired(ILogger logger, string ticketId, string orderId);
}
