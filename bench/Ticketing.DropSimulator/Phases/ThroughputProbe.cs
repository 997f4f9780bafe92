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
        await HammerAsync(path, Until(WarmUp), cancellation);
        return await MeasureAsync(path, when, Until(duration), cancellation);
    }

    /// <summary>Polls from now until <paramref name="until"/> ends, without a warm-up: the counter beside a running drop.</summary>
    public Task<ProbeResult> RunWhileAsync(string path, string when, Task until, CancellationToken cancellation) =>
        MeasureAsync(path, when, () => !until.IsCompleted, cancellation);

    private async Task<ProbeResult> MeasureAsync(string path, string when, Func<bool> more, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var cpu = CpuMeter.Start();
        var logs = await HammerAsync(path, more, cancellation);
        var cores = cpu.Cores();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var stats = RequestStats.Merge(logs);
        var ok = stats.SuccessLatency.Count;
        return new ProbeResult(path, when, concurrency, seconds, stats.Requests, ok, seconds > 0 ? ok / seconds : 0, cores, stats);
    }

    private static Func<bool> Until(TimeSpan duration)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return () => Stopwatch.GetTimestamp() < end;
    }

    private Task<RequestLog[]> HammerAsync(string path, Func<bool> more, CancellationToken cancellation)
    {
        return Workers.RunAsync(concurrency, async (_, log) =>
        {
            while (more())
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
