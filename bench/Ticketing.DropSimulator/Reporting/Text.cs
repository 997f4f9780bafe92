using System.Globalization;
using Ticketing.DropSimulator.Metrics;
using Ticketing.DropSimulator.Phases;

namespace Ticketing.DropSimulator.Reporting;

/// <summary>Number formats shared by the console summary and the Markdown report (invariant culture).</summary>
public static class Text
{
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    public static string Seconds(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);

    public static string MiB(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture);

    public static string Latency(LatencySummary l) =>
        $"p50 {Ms(l.P50Ms)} ms · p95 {Ms(l.P95Ms)} ms · p99 {Ms(l.P99Ms)} ms · max {Ms(l.MaxMs)} ms";

    public static string Outcomes(IEnumerable<OutcomeCount> outcomes) =>
        string.Join(" · ", outcomes.Select(o => $"{o.Outcome} ×{N(o.Count)}"));

    public static string Shape(RunShape s) =>
        $"{N(s.Capacity)} seats · {N(s.Buyers)} buyers · {N(s.Concurrency)} concurrent · " +
        (s.MaxPerUser is { } max ? $"at most {N(max)} per buyer" : "no per-buyer limit") + " · " +
        (s.OnSaleInSeconds is { } wait ? $"on sale {wait:0.#} s after creation" : "on sale at once") + " · " +
        $"pay {Percent(s.PayShare)}";

    public static string Probe(ProbeResult p) =>
        $"{N(p.RequestsPerSecond)} req/s ({N(p.Concurrency)} concurrent, {p.Seconds:0.0} s, {p.When}; p99 {Ms(p.Stats.Latency.P99Ms)} ms; simulator used {p.SimulatorCores:0.0} cores" +
        (p.Ok == p.Requests ? ")" : $"; {N(p.Requests - p.Ok)} not 200: {Outcomes(p.Stats.Outcomes)})");

    public static string LiveWatch(LiveWatchResult w) =>
        $"{N(w.Connected)} of {N(w.Watchers)} watchers connected in {w.ConnectSeconds:0.0} s; {N(w.SawSoldOut)} were sent the sell-out, " +
        $"after the first sold_out: {Latency(w.SoldOutLag)}; {N(w.Messages)} messages";

    public static string SellOut(DropResult d) =>
        d.SellOutSeconds is { } s ? $"sold out in {Seconds(s)} s" : $"not sold out after {Seconds(d.DurationSeconds)} s ({d.EndedBecause})";
}
