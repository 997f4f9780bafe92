using System.Diagnostics;
using Ticketing.DropSimulator.Http;
using Ticketing.DropSimulator.Metrics;

namespace Ticketing.DropSimulator.Phases;

public sealed record PaymentResult(double Share, int Attempted, int Paid, double Seconds, double PerSecond, RequestStats Requests);

/// <summary>Pays a share of the reservations with the test card <c>tok_visa</c>; the rest are left to expire.</summary>
public sealed class PaymentPhase(GatewayClient client, IReadOnlyList<Buyer> buyers, int concurrency)
{
    public const string TestCard = "tok_visa";

    public async Task<(PaymentResult Result, IReadOnlySet<string> PaidOrderIds)> RunAsync(
        IReadOnlyList<PlacedOrder> orders, double share, CancellationToken cancellation)
    {
        // Spread over all buyers, with a fixed seed so that runs of the same shape pay the same orders.
        var shuffle = new Random(6);
        var chosen = orders.OrderBy(_ => shuffle.Next()).Take((int)Math.Round(share * orders.Count)).ToList();

        var paid = new bool[chosen.Count];
        var started = Stopwatch.GetTimestamp();
        var logs = await Workers.ForEachAsync(chosen.Count, concurrency, async (i, log) =>
        {
            var order = chosen[i];
            var reply = await Retry.UntilDefinitiveAsync(
                () => client.PostAsync(
                    "/api/payments",
                    new PaymentRequest(order.Id, TestCard),
                    ApiJson.Default.PaymentRequest,
                    buyers[order.BuyerSlot].Bearer,
                    ApiJson.Default.PaymentDto,
                    cancellation),
                log,
                cancellation);
            paid[i] = reply.Status is 200 or 201;
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var paidIds = chosen.Where((_, i) => paid[i]).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var result = new PaymentResult(share, chosen.Count, paidIds.Count, seconds, seconds > 0 ? paidIds.Count / seconds : 0, RequestStats.Merge(logs));
        return (result, paidIds);
    }
}
