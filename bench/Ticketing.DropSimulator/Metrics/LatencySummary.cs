namespace Ticketing.DropSimulator.Metrics;

/// <summary>
/// Exact percentiles (nearest rank) over every recorded latency: a run records at most a few million, so
/// sorting them all is cheaper than being approximately right.
/// </summary>
public sealed record LatencySummary(long Count, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0, 0);

    /// <param name="ticks">Latencies in <see cref="TimeSpan"/> ticks; sorted in place.</param>
    public static LatencySummary From(long[] ticks)
    {
        if (ticks.Length == 0)
        {
            return Empty;
        }

        Array.Sort(ticks);
        var mean = ticks.Average(t => (double)t);
        return new LatencySummary(ticks.Length, Ms(mean), Ms(Rank(ticks, 0.50)), Ms(Rank(ticks, 0.95)), Ms(Rank(ticks, 0.99)), Ms(ticks[^1]));
    }

    private static long Rank(long[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Ms(double ticks) => Math.Round(ticks / TimeSpan.TicksPerMillisecond, 3);
}
