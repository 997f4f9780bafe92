using System.Diagnostics;
using Ticketing.DropSimulator.Http;

namespace Ticketing.DropSimulator.Phases;

/// <summary>What the unmeasured warm-up sold: events of <c>--warmup-seats</c>, one after another, for <c>--warmup</c>.</summary>
public sealed record WarmUpResult(int Events, int SeatsPerEvent, long Reservations, double Seconds, double ReservationsPerSecond);

/// <summary>
/// Sells warm-up events back to back until its time is up, so the measured drop meets code the JIT has finished
/// tiering up (about 20 s on two cores) and warm connections, as a production drop days into a release would.
/// </summary>
public sealed class WarmUpPhase(GatewayClient client, EventSetup events, IReadOnlyList<Buyer> buyers, int concurrency, long maxRequests)
{
    public async Task<WarmUpResult> RunAsync(string runId, int seatsPerEvent, TimeSpan length, CancellationToken cancellation)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(length);
        var clock = Stopwatch.StartNew();
        var (sold, held) = (0, 0L);
        while (!limit.IsCancellationRequested)
        {
            var warmUp = await events.CreateAsync($"Warm-up {runId} #{sold + 1}", seatsPerEvent, null, null, cancellation);
            var (result, _) = await new DropPhase(client, new BuyerPool(buyers, concurrency), concurrency, maxRequests)
                .RunAsync(warmUp.Id, warmUp.Capacity, null, "the warm-up's time was up", limit.Token);
            sold++;
            held += result.Reservations;
        }

        cancellation.ThrowIfCancellationRequested();
        var seconds = clock.Elapsed.TotalSeconds;
        return new WarmUpResult(sold, seatsPerEvent, held, Math.Round(seconds, 1), Math.Round(held / seconds, 1));
    }
}
