using Microsoft.Extensions.Options;
using Ticketing.Orders;

namespace Ticketing.Payments;

/// <summary>
/// The payment of one order. It records each attempt before charging, so an attempt cut short by a crash is
/// settled later with the same idempotency key, and it completes the order only after the charge succeeded;
/// a charge whose order can no longer complete is refunded, so no charge is kept for a cancelled order.
/// </summary>
public sealed partial class PaymentGrain(
    [PersistentState("payment", StorageNames.Grains)] IPersistentState<PaymentState> state,
    IPaymentProcessor processor,
    IOptions<PaymentOptions> options,
    ILogger<PaymentGrain> logger) : Grain, IPaymentGrain
{
    private static readonly TimeSpan ProcessorTimeout = TimeSpan.FromSeconds(30);

    private string OrderId => this.GetPrimaryKeyString();

    private IOrderGrain Order => GrainFactory.GetGrain<IOrderGrain>(OrderId);

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
        state.State = state.State with { UserId = command.UserId, Attempts = attempt, Pending = pending };
        await state.WriteStateAsync();
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
            state.State = state.State with { Pending = null };
            await state.WriteStateAsync();
            await Order.AbortPaymentAsync();
            var outcome = charge.Outcome == ChargeOutcome.Declined ? PaymentOutcome.Declined : PaymentOutcome.InvalidToken;
            return PaymentResult.Refused(outcome, charge.Message);
        }

        var payment = new PaymentView(
            Ids.New(), OrderId, charge.ChargeId!, pending.Amount, pending.Currency, PaymentStatus.Succeeded);
        state.State = state.State with { Pending = null, Payment = payment };
        await state.WriteStateAsync();
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
        state.State = state.State with { Payment = payment with { Status = PaymentStatus.Refunded } };
        await state.WriteStateAsync();
        return PaymentResult.Refused(PaymentOutcome.OrderCancelled);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment for order {OrderId} succeeded as {ChargeId}")]
    private static partial void LogSucceeded(ILogger logger, string orderId, string chargeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} could not complete; refunding charge {ChargeId}")]
    private static partial void LogRefunding(ILogger logger, string orderId, string chargeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling interrupted payment attempt {IdempotencyKey} of order {OrderId}")]
    private static partial void LogRecovering(ILogger logger, string orderId, string idempotencyKey);
}
