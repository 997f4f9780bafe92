using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Ticketing.Payments;

/// <summary>
/// The built-in processor used when no Stripe key is configured. It answers Stripe's documented test cards
/// the way Stripe's test mode does, and honours idempotency keys, so the whole payment path runs offline.
/// </summary>
public sealed class TestPaymentProcessor : IPaymentProcessor
{
    private static readonly HashSet<string> Succeeding = new(StringComparer.Ordinal)
    {
        "tok_visa", "pm_card_visa", "tok_visa_debit", "pm_card_visa_debit", "tok_mastercard",
        "pm_card_mastercard", "tok_amex", "pm_card_amex", "tok_discover", "pm_card_discover",
    };

    private static readonly Dictionary<string, string> Declining = new(StringComparer.Ordinal)
    {
        ["tok_chargeDeclined"] = "Your card was declined.",
        ["pm_card_chargeDeclined"] = "Your card was declined.",
        ["tok_chargeDeclinedInsufficientFunds"] = "Your card has insufficient funds.",
        ["pm_card_chargeDeclinedInsufficientFunds"] = "Your card has insufficient funds.",
        ["tok_chargeDeclinedExpiredCard"] = "Your card has expired.",
        ["pm_card_chargeDeclinedExpiredCard"] = "Your card has expired.",
        ["tok_chargeDeclinedIncorrectCvc"] = "Your card's security code is incorrect.",
        ["pm_card_chargeDeclinedIncorrectCvc"] = "Your card's security code is incorrect.",
    };

    private readonly ConcurrentDictionary<string, ChargeResult> byIdempotencyKey = new();
    private readonly ConcurrentDictionary<string, bool> refunded = new();

    public Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(byIdempotencyKey.GetOrAdd(request.IdempotencyKey, _ => Decide(request)));

    public Task RefundAsync(string chargeId, string idempotencyKey, CancellationToken cancellationToken)
    {
        refunded.TryAdd(chargeId, true);
        return Task.CompletedTask;
    }

    /// <summary>Whether a charge was given back (for tests of the no-charge-kept guarantee).</summary>
    public bool WasRefunded(string chargeId) => refunded.ContainsKey(chargeId);

    private static ChargeResult Decide(ChargeRequest request)
    {
        if (Succeeding.Contains(request.Token))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(request.IdempotencyKey));
            return ChargeResult.Succeeded("pi_test_" + Convert.ToHexStringLower(hash)[..24]);
        }

        return Declining.TryGetValue(request.Token, out var message)
            ? ChargeResult.Declined(message)
            : ChargeResult.InvalidToken($"No such payment method or token: '{request.Token}'.");
    }
}
