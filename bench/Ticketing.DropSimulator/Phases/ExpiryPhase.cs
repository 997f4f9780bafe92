using Ticketing.DropSimulator.Http;
using Ticketing.DropSimulator.Metrics;

namespace Ticketing.DropSimulator.Phases;

public sealed record ExpiryResult(
    int Unpaid, int Expired, int NotExpired, bool SeatsReturned, double? SecondsAfterLastExpiry, EventCounters? Event, string? SkippedBecause);

/// <summary>
/// Waits for the unpaid reservations' <c>expiresAt</c>, then checks through the API that each became
/// <c>cancelled</c>/<c>expired</c> and that its seat is available again (the contract allows 2 s).
/// </summary>
public sealed class ExpiryPhase(GatewayClient client, IReadOnlyList<Buyer> buyers, int concurrency)
{
    private static readonly TimeSpan Allowance = TimeSpan.FromSeconds(5);

    public async Task<ExpiryResult> RunAsync(string eventId, IReadOnlyList<VerifiedOrder> orders, TimeSpan timeLeft, CancellationToken cancellation)
    {
        var unpaid = orders.Where(o => o.Order.Status is OrderStatuses.Created or OrderStatuses.AwaitingPayment).ToList();
        var paid = orders.Count(o => o.Order.Status == OrderStatuses.Complete);
        if (unpaid.Count == 0)
        {
            return Skipped(0, "no unpaid reservations");
        }

        var lastExpiry = unpaid.Max(o => o.Order.ExpiresAt);
        var wait = lastExpiry - DateTimeOffset.UtcNow;
        if (wait + Allowance > timeLeft)
        {
            return Skipped(unpaid.Count, $"the last reservation expires at {lastExpiry:O}, after the run's deadline; " +
                                         "start the target with a short --reservation-window (or raise --max-duration)");
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellation);
        }

        var (counters, returned, _) = await EventCounters.AwaitAsync(
            client, eventId, c => c.Held == paid && c.Sold == paid, Allowance, new RequestLog(), cancellation);
        double? after = returned ? (DateTimeOffset.UtcNow - lastExpiry).TotalSeconds : null;

        var expired = 0;
        await Workers.ForEachAsync(unpaid.Count, concurrency, async (i, log) =>
        {
            var order = unpaid[i];
            var reply = await Retry.UntilDefinitiveAsync(
                () => client.GetAsync($"/api/orders/{Uri.EscapeDataString(order.Order.Id)}", buyers[order.BuyerSlot].Bearer, ApiJson.Default.OrderDto, cancellation),
                log,
                cancellation);
            if (reply.Value is { Status: OrderStatuses.Cancelled, CancelReason: "expired" })
            {
                Interlocked.Increment(ref expired);
            }
        });

        return new ExpiryResult(unpaid.Count, expired, unpaid.Count - expired, returned, after, counters, null);
    }

    private static ExpiryResult Skipped(int unpaid, string because) => new(unpaid, 0, 0, false, null, null, because);
}
