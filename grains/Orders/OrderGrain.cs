using Microsoft.Extensions.Options;
using Ticketing.Common;
using Ticketing.Events;
using Ticketing.Integration;
using Ticketing.Payments;
using Ticketing.Tickets;

namespace Ticketing.Orders;

/// <summary>
/// Drives one order's saga. It awaits its ticket and its event (which never await an order) and tells its
/// payment only by one-way messages, so no call cycle can stall it. Expiry is a grain timer for precision
/// plus a reminder that survives deactivation and silo loss; every call also checks expiry itself. Created,
/// cancelled and completed are announced through the outbox, in the same write as the change.
/// </summary>
public sealed partial class OrderGrain(
    [PersistentState("order", StorageNames.Grains)] IPersistentState<OrderState> state,
    DurableDeadline deadline,
    IOptions<OrderOptions> options,
    OutboxRelay relay,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IRemindable
{
    private const string ExpiryReminderName = "order-expiry";

    // Seats an order tries when tickets disagree with their event's ledger before it answers sold_out.
    private const int MaxSeatAttempts = 3;

    private IGrainTimer? expiryTimer;

    // The expiry reminder, which the placing request does not wait for; an order of an event's seat registers it only
    // once the order is about to leave memory (its event's sweep backs the hold up meanwhile).
    private ExpiryReminder expiryReminder = null!;

    private IntegrationOutbox outbox = null!;

    // When this activation last asked a stuck payment to settle, so it asks once per recovery period.
    private DateTime? recoveryRequestedAt;

    private string OrderId => this.GetPrimaryKeyString();

    private OrderState Order => state.State;

    /// <summary>
    /// Nothing to do in memory: a placed order waits for its owner or its expiry reminder (which then stands in for
    /// the timer), a closed one for nothing. Not while a payment is in flight: that keeps its recovery timer.
    /// </summary>
    private bool MayRest =>
        Order.Status != OrderStatus.AwaitingPayment && (!Order.IsOpen || expiryReminder.ReadyForRest());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        expiryReminder = new ExpiryReminder(this, ExpiryReminderName, deadline);
        outbox = relay.Attach(this, state, mayRest: () => MayRest);
        if (Order.Exists && Order.IsOpen)
        {
            ArmTimer();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await expiryReminder.OnDeactivateAsync();
        await outbox.OnDeactivateAsync(reason);
    }

    public async Task<OrderPlacementResult> PlaceAsync(PlaceOrder command)
    {
        if (Order.Exists)
        {
            // A retry of the placement that made this order (its id came from the buyer's idempotency key) gets it back;
            // the same key for another ticket or event is a mistake of the buyer's, not a second order.
            return !IsOwner(command.UserId) ? OrderPlacementResult.Refused(OrderPlacementOutcome.TicketReserved)
                : IsPlacementOf(command) ? OrderPlacementResult.Placed(View())
                : OrderPlacementResult.Refused(OrderPlacementOutcome.IdTakenByAnotherOrder);
        }

        var now = deadline.UtcNow;
        var expiresAt = now + options.Value.ReservationWindow;
        var (outcome, ticket) = command.EventId is { } eventId
            ? await ReserveSeatAsync(eventId, command.UserId, expiresAt)
            : await ReserveTicketAsync(command.TicketId!, command.UserId, expiresAt);
        if (outcome != OrderPlacementOutcome.Placed)
        {
            TicketingMetrics.OrderRefused(outcome);
            return OrderPlacementResult.Refused(outcome);
        }

        var placed = new OrderState
        {
            UserId = command.UserId,
            Status = OrderStatus.Created,
            ExpiresAt = expiresAt,
            Ticket = new OrderTicket(ticket!.Id, ticket.Title, ticket.Price),
            EventId = command.EventId,
            CreatedAt = now,
        };
        try
        {
            // The buyer's index goes first: an entry whose order was never written is skipped by the listing.
            await GrainFactory.Reference<IUserOrdersGrain>(command.UserId).AddAsync(new IndexPosition(now, OrderId));
            state.State = Announce(placed, new OrderCreated(
                command.UserId, ticket.Id, command.EventId, ticket.Title, ticket.Price, expiresAt));
            await WriteAsync();
            TicketingMetrics.OrderPlaced(seat: command.EventId is not null);
        }
        catch (Exception)
        {
            // The order was not saved: let go of what it took at once instead of waiting for the hold to expire.
            state.State = new OrderState();
            await ReleaseHoldsAsync(placed);
            throw;
        }

        expiryReminder.ArmHold(expiresAt, command.EventId);
        ArmTimer();
        LogPlaced(logger, OrderId, ticket.Id, expiresAt);
        return OrderPlacementResult.Placed(View());
    }

    public async Task<OrderView?> GetAsync(string userId)
    {
        if (!IsOwner(userId))
        {
            return null;
        }

        await ExpireIfDueAsync();
        return View();
    }

    public async Task<OrderCancelResult> CancelAsync(string userId)
    {
        if (!IsOwner(userId))
        {
            return OrderCancelResult.Refused(OrderCancelOutcome.NotFound);
        }

        await ExpireIfDueAsync();
        switch (Order.Status)
        {
            case OrderStatus.Complete:
                return OrderCancelResult.Refused(OrderCancelOutcome.Complete);
            case OrderStatus.AwaitingPayment:
                return OrderCancelResult.Refused(OrderCancelOutcome.PaymentInProgress);
            case OrderStatus.Created:
                await CloseAsync(CancelReason.User);
                break;
        }

        return OrderCancelResult.Cancelled(View());
    }

    public async Task<PaymentStart> BeginPaymentAsync(string userId)
    {
        if (!IsOwner(userId))
        {
            return PaymentStart.Refused(PaymentStartOutcome.NotFound);
        }

        await ExpireIfDueAsync();
        switch (Order.Status)
        {
            case OrderStatus.Cancelled:
                return PaymentStart.Refused(PaymentStartOutcome.Cancelled);
            case OrderStatus.Complete:
                return PaymentStart.Refused(PaymentStartOutcome.AlreadyPaid);
            case OrderStatus.AwaitingPayment:
                return PaymentStart.Refused(PaymentStartOutcome.InProgress);
        }

        if (!await Ticket().BeginPaymentAsync(OrderId))
        {
            // The hold ran out between our expiry check and the ticket's: the ticket's clock wins.
            await CloseAsync(CancelReason.Expired);
            return PaymentStart.Refused(PaymentStartOutcome.Cancelled);
        }

        state.State = Order with
        {
            Status = OrderStatus.AwaitingPayment,
            PaymentStartedAt = deadline.UtcNow,
            Version = Order.Version + 1,
        };
        recoveryRequestedAt = null;
        await WriteAsync();
        ArmTimer();

        // A payment in flight is recovered by this order's reminder should its silo die: it cannot wait for a rest.
        expiryReminder.ArmIfPutOff();
        return PaymentStart.Proceed(Order.Ticket!.Price);
    }

    public async Task<bool> CompletePaymentAsync()
    {
        if (Order.Status == OrderStatus.Complete)
        {
            return true;
        }

        if (Order.Status != OrderStatus.AwaitingPayment || !await Ticket().SellAsync(OrderId))
        {
            LogCompletionRefused(logger, OrderId, Order.Status);
            return false;
        }

        var complete = Order with { Status = OrderStatus.Complete, Version = Order.Version + 1 };
        state.State = Announce(complete, new OrderCompleted(complete.Ticket!.Id, complete.EventId, complete.Ticket.Price));
        await WriteAsync();
        TicketingMetrics.OrderCompleted();
        if (Order.EventId is { } eventId)
        {
            await GrainFactory.GetGrain<IEventGrain>(eventId).MarkSoldAsync(OrderId);
        }

        await StopDeadlinesAsync();
        LogCompleted(logger, OrderId);
        return true;
    }

    public async Task AbortPaymentAsync()
    {
        if (Order.Status != OrderStatus.AwaitingPayment)
        {
            return;
        }

        await Ticket().EndPaymentAsync(OrderId);
        state.State = Order with { Status = OrderStatus.Created, PaymentStartedAt = null, Version = Order.Version + 1 };
        await WriteAsync();
        await ExpireIfDueAsync();
        if (Order.IsOpen)
        {
            ArmTimer();
        }
    }

    public async Task ReconcileAsync(ReconcileOrder command)
    {
        if (!Order.Exists)
        {
            await ReleaseOrphanedHoldsAsync(command);
            DeactivateOnIdle();
            return;
        }

        await ExpireIfDueAsync();
        if (Order.Status == OrderStatus.Cancelled)
        {
            await ReleaseHoldsAsync(Order);
        }
        else if (Order.Status == OrderStatus.Complete)
        {
            await Ticket().SellAsync(OrderId);
            if (Order.EventId is { } eventId)
            {
                await GrainFactory.GetGrain<IEventGrain>(eventId).MarkSoldAsync(OrderId);
            }
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await outbox.FlushNowAsync();
        if (reminderName == IntegrationOutbox.ReminderName)
        {
            return;
        }

        if (!Order.Exists || !Order.IsOpen)
        {
            await expiryReminder.DisarmAsync();
            return;
        }

        await ExpireIfDueAsync();
    }

    private async Task<(OrderPlacementOutcome, TicketView?)> ReserveTicketAsync(string ticketId, string buyerId, DateTime expiresAt)
    {
        var reserved = await GrainFactory.GetGrain<ITicketGrain>(ticketId)
            .ReserveAsync(new ReserveTicket(OrderId, buyerId, expiresAt, Seat: null));
        return reserved.Outcome switch
        {
            TicketReserveOutcome.Reserved => (OrderPlacementOutcome.Placed, reserved.Ticket),
            TicketReserveOutcome.NotFound => (OrderPlacementOutcome.TicketNotFound, null),
            TicketReserveOutcome.OwnTicket => (OrderPlacementOutcome.OwnTicket, null),
            TicketReserveOutcome.EventTicket => (OrderPlacementOutcome.EventTicket, null),
            _ => (OrderPlacementOutcome.TicketReserved, null),
        };
    }

    private async Task<(OrderPlacementOutcome, TicketView?)> ReserveSeatAsync(string eventId, string buyerId, DateTime expiresAt)
    {
        var drop = GrainFactory.Reference<IEventGrain>(eventId);
        for (var attempt = 1; ; attempt++)
        {
            var allocation = await drop.AllocateSeatAsync(new AllocateSeat(OrderId, buyerId, expiresAt));
            if (allocation.Seat is not { } seat)
            {
                return (allocation.Outcome switch
                {
                    SeatAllocationOutcome.NotFound => OrderPlacementOutcome.EventNotFound,
                    SeatAllocationOutcome.NotOnSale => OrderPlacementOutcome.NotOnSale,
                    SeatAllocationOutcome.LimitReached => OrderPlacementOutcome.LimitReached,
                    SeatAllocationOutcome.OwnTicket => OrderPlacementOutcome.OwnTicket,
                    SeatAllocationOutcome.Recovering => OrderPlacementOutcome.EventRecovering,
                    _ => OrderPlacementOutcome.SoldOut,
                }, null);
            }

            var ticket = GrainFactory.Reference<ITicketGrain>(Ids.SeatTicketId(eventId, seat.Seat));
            var reserved = await ReserveAsync(ticket, new ReserveTicket(OrderId, buyerId, expiresAt, seat), allocation.FirstHold);
            if (reserved.Outcome == TicketReserveOutcome.Reserved)
            {
                return (OrderPlacementOutcome.Placed, reserved.Ticket);
            }

            // The event believed the seat free but its ticket disagrees (the event rebuilt its ledger while another
            // reservation of the seat was in flight): never sell it twice. The seat stays with its holder; try another.
            LogSeatDisagrees(logger, eventId, seat.Seat, reserved.Outcome);
            if (await ticket.GetHoldAsync() is not { } holder)
            {
                await drop.ReleaseSeatAsync(OrderId);
                return (OrderPlacementOutcome.SoldOut, null);
            }

            await drop.HandOverSeatAsync(OrderId, holder);
            if (attempt == MaxSeatAttempts)
            {
                return (OrderPlacementOutcome.SoldOut, null);
            }
        }
    }

    /// <summary>A seat's first hold wakes a ticket with nothing stored yet: it is told so, and skips the read.</summary>
    private static async Task<TicketReserveResult> ReserveAsync(ITicketGrain ticket, ReserveTicket command, bool firstHold)
    {
        if (!firstHold)
        {
            return await ticket.ReserveAsync(command);
        }

        using (BrandNewGrain.Announce(ticket))
        {
            return await ticket.ReserveAsync(command);
        }
    }

    /// <summary>Any request after <c>expiresAt</c> sees the order expired, whether or not the timer fired yet.</summary>
    private async Task ExpireIfDueAsync()
    {
        var now = deadline.UtcNow;
        if (Order.Status == OrderStatus.Created && now >= Order.ExpiresAt)
        {
            await CloseAsync(CancelReason.Expired);
        }
        else if (Order.Status == OrderStatus.AwaitingPayment && now >= NextRecoveryAt())
        {
            LogPaymentStuck(logger, OrderId);
            recoveryRequestedAt = now;
            await GrainFactory.GetGrain<IPaymentGrain>(OrderId).RecoverAsync();
        }
    }

    private async Task CloseAsync(CancelReason reason)
    {
        var cancelled = Order with
        {
            Status = OrderStatus.Cancelled,
            CancelReason = reason,
            PaymentStartedAt = null,
            Version = Order.Version + 1,
        };
        state.State = Announce(cancelled, new OrderCancelled(reason, cancelled.Ticket!.Id, cancelled.EventId));
        await WriteAsync();
        TicketingMetrics.OrderCancelled(reason);
        await ReleaseHoldsAsync(Order);
        await StopDeadlinesAsync();
        LogCancelled(logger, OrderId, reason);
    }

    private async Task ReleaseHoldsAsync(OrderState order)
    {
        await GrainFactory.GetGrain<ITicketGrain>(order.Ticket!.Id).ReleaseAsync(OrderId);
        if (order.EventId is { } eventId)
        {
            await GrainFactory.GetGrain<IEventGrain>(eventId).ReleaseSeatAsync(OrderId);
        }
    }

    /// <summary>This order was never saved (its silo died while placing it): free whatever it had taken.</summary>
    private async Task ReleaseOrphanedHoldsAsync(ReconcileOrder command)
    {
        if (command.TicketId is { } ticketId)
        {
            await GrainFactory.GetGrain<ITicketGrain>(ticketId).ReleaseAsync(OrderId);
        }

        if (command.EventId is { } eventId)
        {
            var drop = GrainFactory.GetGrain<IEventGrain>(eventId);
            if (await drop.GetSeatOfOrderAsync(OrderId) is { } seat)
            {
                await GrainFactory.GetGrain<ITicketGrain>(Ids.SeatTicketId(eventId, seat)).ReleaseAsync(OrderId);
            }

            await drop.ReleaseSeatAsync(OrderId);
        }
    }

    private void ArmTimer()
    {
        var at = Order.Status == OrderStatus.AwaitingPayment ? NextRecoveryAt() : Order.ExpiresAt;
        var due = deadline.Until(at);
        if (expiryTimer is null)
        {
            expiryTimer = this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan));
        }
        else
        {
            expiryTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private DateTime NextRecoveryAt() =>
        (recoveryRequestedAt ?? Order.PaymentStartedAt!.Value) + options.Value.PaymentRecoveryAfter;

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        await ExpireIfDueAsync();
        if (Order.IsOpen)
        {
            ArmTimer();
        }
    }

    private async Task StopDeadlinesAsync()
    {
        expiryTimer?.Dispose();
        expiryTimer = null;
        await expiryReminder.DisarmAsync();
    }

    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        outbox.Written();
    }

    /// <summary>The order after a change, with the change's event appended to its outbox, at the order's version.</summary>
    private OrderState Announce(OrderState order, IDomainEvent data) =>
        order with { Outbox = [.. order.Outbox, IntegrationEvent.Of(OrderId, order.Version, deadline.UtcNow, data)] };

    private bool IsOwner(string userId) => Order.Exists && Order.UserId == userId;

    private bool IsPlacementOf(PlaceOrder command) => command.EventId is { } eventId
        ? Order.EventId == eventId
        : Order.EventId is null && Order.Ticket?.Id == command.TicketId;

    private ITicketGrain Ticket() => GrainFactory.GetGrain<ITicketGrain>(Order.Ticket!.Id);

    private OrderView View() => Order.ToView(OrderId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId} holds ticket {TicketId} until {ExpiresAt:o}")]
    private static partial void LogPlaced(ILogger logger, string orderId, string ticketId, DateTime expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} cancelled ({Reason})")]
    private static partial void LogCancelled(ILogger logger, string orderId, CancelReason reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} paid and complete")]
    private static partial void LogCompleted(ILogger logger, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} refused completion in status {Status}")]
    private static partial void LogCompletionRefused(ILogger logger, string orderId, OrderStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} has been awaiting its payment too long; asking the payment to settle")]
    private static partial void LogPaymentStuck(ILogger logger, string orderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {EventId} allocated seat {Seat} but its ticket answered {Outcome}")]
    private static partial void LogSeatDisagrees(ILogger logger, string eventId, int seat, TicketReserveOutcome outcome);
}
