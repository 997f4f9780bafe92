namespace Ticketing.DropSimulator.Metrics;

public sealed record OutcomeCount(string Outcome, long Count);

/// <summary>A phase's requests summed over its workers.</summary>
public sealed record RequestStats(
    long Requests, LatencySummary Latency, LatencySummary SuccessLatency, IReadOnlyList<OutcomeCount> Outcomes, IReadOnlyList<OutcomeCount> Errors)
{
    public static RequestStats Merge(IReadOnlyCollection<RequestLog> logs)
    {
        var all = logs.SelectMany(l => l.Latencies).ToArray();
        var success = logs.SelectMany(l => l.SuccessLatencies).ToArray();
        return new RequestStats(
            all.Length,
            LatencySummary.From(all),
            LatencySummary.From(success),
            Sum(logs.Select(l => l.Outcomes)),
            Sum(logs.Select(l => l.Errors)));
    }

    public long Count(string outcome) => Outcomes.Where(o => o.Outcome == outcome).Sum(o => o.Count);

    public long CountWhere(Func<string, bool> predicate) => Outcomes.Where(o => predicate(o.Outcome)).Sum(o => o.Count);

    private static List<OutcomeCount> Sum(IEnumerable<Dictionary<string, long>> counts) =>
        counts.SelectMany(c => c)
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .Select(g => new OutcomeCount(g.Key, g.Sum(c => c.Value)))
            .OrderByDescending(o => o.Count)
            .ThenBy(o => o.Outcome, StringComparer.Ordinal)
            .ToList();
}
