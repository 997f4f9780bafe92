namespace Ticketing.Payments;

/// <summary>Charges cards. The same idempotency key always yields the same single charge.</summary>
public interface IPaymentProcessor
{
    Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken);

    /// <summary>Gives a charge back in full (for a charge whose order could no longer be completed).</summary>
    Task RefundAsync(string chargeId, string idempotencyKey, CancellationToken cancellationToken);
}

/// <param name="AmountInCents">The amount in the currency's minor unit, as Stripe expects it.</param>
/// <param name="Token">A Stripe token (<c>tok_…</c>) or payment method id (<c>pm_…</c>).</param>
public sealed record ChargeRequest(string IdempotencyKey, string OrderId, long AmountInCents, string Currency, string Token);

public enum ChargeOutcome
{
    Succeeded,
    Declined,
    InvalidToken,
}

public sealed record ChargeResult(ChargeOutcome Outcome, string? ChargeId, string? Message)
{
    public static ChargeResult Succeeded(string chargeId) => new(ChargeOutcome.Succeeded, chargeId, null);
    public static ChargeResult Declined(string message) => new(ChargeOutcome.Declined, null, message);
    public static ChargeResult InvalidToken(string message) => new(ChargeOutcome.InvalidToken, null, message);
}
