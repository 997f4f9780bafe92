using System.Collections.Concurrent;
using Ticketing.Payments;

namespace Ticketing.Grains.Tests.Infrastructure;

/// <summary>
/// Passes every call to the silo's <see cref="TestPaymentProcessor"/> unchanged and remembers which charges it
/// made and gave back, so a test can tell whether money was kept for an order.
/// </summary>
public sealed class RecordingPaymentProcessor(TestPaymentProcessor inner) : IPaymentProcessor
{
    private readonly ConcurrentDictionary<string, string> chargedOrderByChargeId = new();

    public async Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        var result = await inner.ChargeAsync(request, cancellationToken);
        if (result is { Outcome: ChargeOutcome.Succeeded, ChargeId: { } chargeId })
        {
            chargedOrderByChargeId[chargeId] = request.OrderId;
        }

        return result;
    }

    public Task RefundAsync(string chargeId, string idempotencyKey, CancellationToken cancellationToken) =>
        inner.RefundAsync(chargeId, idempotencyKey, cancellationToken);

    /// <summary>The successful charges for the order that were not refunded.</summary>
    public IReadOnlyList<string> ChargesKeptFor(string orderId) =>
        chargedOrderByChargeId.Where(c => c.Value == orderId && !inner.WasRefunded(c.Key)).Select(c => c.Key).ToList();
}
