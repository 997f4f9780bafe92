using System.Diagnostics;
using Ticketing.DropSimulator.Http;
using Ticketing.DropSimulator.Metrics;

namespace Ticketing.DropSimulator.Phases;

public sealed record ProbeResult(
    string Path, string When, int Concurrency, double Seconds, long Requests, long Ok, double RequestsPerSecond, double SimulatorCores, RequestStats Stats);

/// <summary>
/// Hammers one GET route at a fixed concurrency for a fixed time, after an unmeasured second of warm-up:
/// <c>/healthz</c> gives the machine's ceiling for this gateway, <c>/api/events/{id}</c> the counter's rate.
/// </summary>
public sealed class ThroughputProbe(GatewayClient client, int concurrency)
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public async Task<ProbeResult> RunAsync(string path, string when, TimeSpan duration, CancellationToken cancellation)
    {
        await HammerAsync(path, WarmUp, cancellation);
        var started = Stopwatch.GetTimestamp();
        var cpu = CpuMeter.Start();
        var logs = await HammerAsync(path, duration, cancellation);
        var cores = cpu.Cores();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var stats = RequestStats.Merge(logs);
        var ok = stats.SuccessLatency.Count;
        return new ProbeResult(path, when, concurrency, seconds, stats.Requests, ok, seconds > 0 ? ok / seconds : 0, cores, stats);
    }

    private Task<RequestLog[]> HammerAsync(string path, TimeSpan duration, CancellationToken cancellation)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Workers.RunAsync(concurrency, async (_, log) =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                cancellation.ThrowIfCancellationRequested();
                var reply = await client.GetAsync<object>(path, null, null, cancellation);
                log.Record(reply);
                if (!reply.IsSuccess)
                {
                    // A failing gateway must not turn the probe into a busy loop.
                    await Task.Delay(TimeSpan.FromMilliseconds(20), cancellation);
                }
            }
        });
    }
}
