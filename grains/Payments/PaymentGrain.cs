using Microsoft.Extensions.Options;
using Orleans.Placement;
using Ticketing.Common;
using Ticketing.Integration;
using Ticketing.Orders;

namespace Ticketing.Payments;

/// <summary>
/// The payment of one order. It records each attempt before charging, so an attempt cut short by a crash is
/// settled later with the same idempotency key, and it completes the order only after the charge succeeded;
/// a charge whose order can no longer complete is refunded, so no charge is kept for a cancelled order. A
/// successful charge is announced as <c>payment.created</c> in the same write that records it (the outbox).
/// </summary>
[PreferLocalPlacement]
public sealed partial class PaymentGrain(
    [PersistentState("payment", StorageNames.Grains)] IPersistentState<PaymentState> state,
    IPaymentProcessor processor,
    IOptions<PaymentOptions> options,
    OutboxRelay relay,
    TimeProvider time,
    ILogger<PaymentGrain> logger) : Grain, IPaymentGrain, IRemindable
{
    private static readonly TimeSpan ProcessorTimeout = TimeSpan.FromSeconds(30);

    private IntegrationOutbox outbox = null!;

    private string OrderId => this.GetPrimaryKeyString();

    private IOrderGrain Order => GrainFactory.GetGrain<IOrderGrain>(OrderId);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        outbox = relay.Attach(this, state);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        outbox.OnDeactivateAsync(reason);

    /// <summary>Only the outbox arms a reminder here: a publish that failed, retried after deactivation.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => outbox.FlushNowAsync();

    public async Task<PaymentResult> PayAsync(PayOrder command)
    {
        if (state.State.Payment is { } made)
        {
            return state.State.UserId != command.UserId ? PaymentResult.Refused(PaymentOutcome.OrderNotFound)
                : made.Status == PaymentStatus.Succeeded ? PaymentResult.AlreadyPaid(made)
                : PaymentResult.Refused(PaymentOutcome.OrderCancelled);
        }

        var start = await Order.BeginPaymentAsync(command.UserId);
        switch (start.Outcome)
        {
            case PaymentStartOutcome.NotFound:
                return PaymentResult.Refused(PaymentOutcome.OrderNotFound);
            case PaymentStartOutcome.Cancelled:
                return PaymentResult.Refused(PaymentOutcome.OrderCancelled);
            case PaymentStartOutcome.InProgress or PaymentStartOutcome.AlreadyPaid:
                return PaymentResult.Refused(PaymentOutcome.InProgress);
        }

        var attempt = state.State.Attempts + 1;
        var pending = new PendingCharge($"{OrderId}-{attempt}", command.Token, start.Amount, options.Value.Currency);
        state.State = state.State with
        {
            UserId = command.UserId,
            Attempts = attempt,
            Pending = pending,
            Version = state.State.Version + 1,
        };
        await WriteAsync();
        return await SettleAsync(pending);
    }

    public Task<PaymentView?> GetAsync(string userId) =>
        Task.FromResult(state.State.UserId == userId ? state.State.Payment : null);

    public async Task RecoverAsync()
    {
        if (state.State.Pending is { } pending)
        {
            LogRecovering(logger, OrderId, pending.IdempotencyKey);
            await SettleAsync(pending);
        }
        else if (state.State.Payment is { Status: PaymentStatus.Succeeded } made)
        {
            await CompleteOrderAsync(made, $"{OrderId}-{state.State.Attempts}");
        }
        else
        {
            await Order.AbortPaymentAsync();
        }
    }

    private async Task<PaymentResult> SettleAsync(PendingCharge pending)
    {
        using var timeout = new CancellationTokenSource(ProcessorTimeout);
        var request = new ChargeRequest(
            pending.IdempotencyKey, OrderId, decimal.ToInt64(pending.Amount * 100m), pending.Currency, pending.Token);
        var charge = await processor.ChargeAsync(request, timeout.Token);
        if (charge.Outcome != ChargeOutcome.Succeeded)
        {
            state.State = state.State with { Pending = null, Version = state.State.Version + 1 };
            await WriteAsync();
            TicketingMetrics.PaymentSettled(charge.Outcome);
            await Order.AbortPaymentAsync();
            var outcome = charge.Outcome == ChargeOutcome.Declined ? PaymentOutcome.Declined : PaymentOutcome.InvalidToken;
            return PaymentResult.Refused(outcome, charge.Message);
        }

        var payment = new PaymentView(
            Ids.New(), OrderId, charge.ChargeId!, pending.Amount, pending.Currency, PaymentStatus.Succeeded);
        var paid = state.State with { Pending = null, Payment = payment, Version = state.State.Version + 1 };
        var created = IntegrationEvent.Of(
            payment.Id, paid.Version, time.GetUtcNow().UtcDateTime,
            new PaymentCreated(OrderId, payment.Amount, payment.Currency, payment.Status));
        state.State = paid with { Outbox = [.. paid.Outbox, created] };
        await WriteAsync();
        TicketingMetrics.PaymentSettled(charge.Outcome);
        return await CompleteOrderAsync(payment, pending.IdempotencyKey);
    }

    private async Task<PaymentResult> CompleteOrderAsync(PaymentView payment, string idempotencyKey)
    {
        if (await Order.CompletePaymentAsync())
        {
            LogSucceeded(logger, OrderId, payment.StripeId);
            return PaymentResult.Succeeded(payment);
        }

        LogRefunding(logger, OrderId, payment.StripeId);
        using var timeout = new CancellationTokenSource(ProcessorTimeout);
        await processor.RefundAsync(payment.StripeId, idempotencyKey + "-refund", timeout.Token);
        state.State = state.State with
        {
            Payment = payment with { Status = PaymentStatus.Refunded },
            Version = state.State.Version + 1,
        };
        await WriteAsync();
        return PaymentResult.Refused(PaymentOutcome.OrderCancelled);
    }

    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        outbox.Written();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment for order {OrderId} succeeded as {ChargeId}")]
    private static partial void LogSucceeded(ILogger logger, string orderId, string chargeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} could not complete; refunding charge {ChargeId}")]
    private static partial void LogRefunding(ILogger logger, string orderId, string chargeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling interrupted payment attempt {IdempotencyKey} of order {OrderId}")]
    private static partial void LogRecovering(ILogger logger, string orderId, string idempotencyKey);
}
