namespace Ticketing.Payments;

/// <summary>
/// The one payment of one order (keyed by order id): charges the card through the payment processor,
/// at most once successfully, and completes the order. A retry of an attempt reuses its idempotency key.
/// </summary>
public interface IPaymentGrain : IGrainWithStringKey
{
    /// <summary>Charges the order's price to the card token, or returns the payment already made.</summary>
    Task<PaymentResult> PayAsync(PayOrder command);

    /// <summary>The order's payment, if it was paid and <paramref name="userId"/> owns the order.</summary>
    Task<PaymentView?> GetAsync(string userId);

    /// <summary>Settles an attempt interrupted by a crash; sent by an order stuck in <c>awaiting:payment</c>.</summary>
    [OneWay]
    Task RecoverAsync();
}

[GenerateSerializer, Immutable, Alias("ticketing.pay-order")]
public sealed record PayOrder([property: Id(0)] string UserId, [property: Id(1)] string Token);

public enum PaymentStatus
{
    Succeeded,
    Refunded,
}

[GenerateSerializer, Immutable, Alias("ticketing.payment-view")]
public sealed record PaymentView(
    [property: Id(0)] string Id,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string StripeId,
    [property: Id(3)] decimal Amount,
    [property: Id(4)] string Currency,
    [property: Id(5)] PaymentStatus Status);

public enum PaymentOutcome
{
    Succeeded,
    AlreadyPaid,
    OrderNotFound,
    OrderCancelled,
    InProgress,
    Declined,
    InvalidToken,
}

[GenerateSerializer, Immutable, Alias("ticketing.payment-result")]
public sealed record PaymentResult(
    [property: Id(0)] PaymentOutcome Outcome,
    [property: Id(1)] PaymentView? Payment,
    [property: Id(2)] string? Message)
{
    public static PaymentResult Succeeded(PaymentView payment) => new(PaymentOutcome.Succeeded, payment, null);
    public static PaymentResult AlreadyPaid(PaymentView payment) => new(PaymentOutcome.AlreadyPaid, payment, null);
    public static PaymentResult Refused(PaymentOutcome outcome, string? message = null) => new(outcome, null, message);
}
