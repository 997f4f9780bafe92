using System.Globalization;
using System.Text;
using static Ticketing.DropSimulator.Reporting.Text;

namespace Ticketing.DropSimulator.Reporting;

/// <summary>
/// The run as Markdown: first one table row ready to paste into <c>docs/benchmarks.md</c> (rows of several
/// runs share the header), then where each number comes from, the outcomes and the checks.
/// </summary>
public static class MarkdownReport
{
    public const string Header =
        "| run (UTC) | target | seats | buyers | concurrent | reservations/s | sell-out (s) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) " +
        "| GET /healthz rps | share of ceiling | GET /api/events/{id} rps | 5xx | timeouts | 429 | seats sold twice | oversold | peak RSS (MiB) |";

    public const string Alignment =
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|";

    public static string Render(RunReport r)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Drop simulator: {r.Target.Label}, {N(r.Shape.Capacity)} seats, {N(r.Shape.Concurrency)} concurrent buyers");
        md.AppendLine();
        md.AppendLine(Header);
        md.AppendLine(Alignment);
        md.AppendLine(Row(r));
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Command: `{r.Command}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {r.Machine.Describe()}; the simulator ran on the same machine as the target.");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Shape: {Shape(r.Shape)}; request timeout {r.Shape.RequestTimeoutSeconds:0.#} s.");
        md.AppendLine("- Reservations/s: 201 answers over the time from the first order request (the on-sale moment) to the first `409 sold_out`.");
        md.AppendLine("- Latency: every order request of the drop, whatever its answer, measured by the client (send to last byte).");
        if (r.Drop is { } drop)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Drop: {SellOut(drop)}; {N(drop.Reservations)} reservations from {N(drop.Requests.Requests)} order requests; the simulator itself used {drop.SimulatorCores:0.0} cores meanwhile.");
        }

        if (r.Ceiling is { } c)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Ceiling: `GET /healthz` {Probe(c)}.");
        }

        if (r.EventCreationMs is { } created)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Creation: `POST /api/events` of {r.Shape.Capacity:N0} seats took {created:N1} ms.");
        }

        if (r.EventPoll is { } p)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Counter: `GET /api/events/{{id}}` {Probe(p)}.");
        }

        if (r.EventPollDuringDrop is { } during)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Counter during the drop: `GET /api/events/{{id}}` {Probe(during)}.");
        }

        if (r.LiveWatch is { } live)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Live feed: `GET /api/events/{{id}}/live` {LiveWatch(live)}.");
        }

        if (r.SignUp is { } s)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Sign-up (before the clock): {N(s.SignedUp)} buyers in {s.Seconds:0.0} s ({s.PerSecond:0.0}/s, {s.Concurrency} at a time).");
        }

        if (r.Payments is { } pay)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Payments: {N(pay.Paid)} of {N(pay.Attempted)} paid in {pay.Seconds:0.00} s ({N(pay.PerSecond)}/s).");
        }

        if (r.PeakMemoryThroughSellOut.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Peak RSS (VmHWM) through the sell-out, before payments and verification: {string.Join(", ", r.PeakMemoryThroughSellOut.Select(m => $"{m.Process} {MiB(m.PeakRssBytes)} MiB"))}.");
        }

        if (r.PeakMemory.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Peak RSS (VmHWM) over the whole run: {string.Join(", ", r.PeakMemory.Select(m => $"{m.Process} {MiB(m.PeakRssBytes)} MiB"))}.");
        }

        if (r.Drop is { } d)
        {
            md.AppendLine();
            md.AppendLine("| order outcome | count |");
            md.AppendLine("|---|--:|");
            foreach (var outcome in d.Requests.Outcomes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {outcome.Outcome} | {N(outcome.Count)} |");
            }
        }

        md.AppendLine();
        md.AppendLine("| check | result | detail |");
        md.AppendLine("|---|---|---|");
        foreach (var check in r.Checks)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {check.Name} | {(check.Passed ? "pass" : "**fail**")} | {check.Detail.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }

        return md.ToString();
    }

    /// <summary>One run as one row of <see cref="Header"/>; a dash where a phase did not run.</summary>
    public static string Row(RunReport r)
    {
        var d = r.Drop;
        var v = r.Verification;
        var latency = d?.Requests.Latency;
        string[] cells =
        [
            r.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            r.Target.Label,
            N(r.Shape.Capacity),
            N(r.Shape.Buyers),
            N(r.Shape.Concurrency),
            d is null ? "–" : N(d.ReservationsPerSecond),
            d?.SellOutSeconds is { } sellOut ? sellOut.ToString("0.00", CultureInfo.InvariantCulture) : "not sold out",
            latency is null ? "–" : Ms(latency.P50Ms),
            latency is null ? "–" : Ms(latency.P95Ms),
            latency is null ? "–" : Ms(latency.P99Ms),
            latency is null ? "–" : Ms(latency.MaxMs),
            r.Ceiling is { } c ? N(c.RequestsPerSecond) : "–",
            r.ShareOfCeiling is { } share ? Percent(share) : "–",
            r.EventPoll is { } p ? N(p.RequestsPerSecond) : "–",
            d is null ? "–" : N(d.Requests.CountWhere(o => o.StartsWith('5'))),
            d is null ? "–" : N(d.Requests.Count("timeout")),
            d is null ? "–" : N(d.Requests.CountWhere(o => o.StartsWith("429", StringComparison.Ordinal))),
            v is null ? "unverified" : N(v.TicketsInTwoLiveOrders),
            v is null ? "unverified" : N(Math.Max(0, v.LiveOrders - r.Shape.Capacity)),
            r.PeakMemory.Count == 0 ? "–" : string.Join(" + ", r.PeakMemory.Where(m => m.Process != SelfProcess).Select(m => MiB(m.PeakRssBytes))),
        ];
        return "| " + string.Join(" | ", cells) + " |";
    }

    /// <summary>The simulator's own entry in <see cref="RunReport.PeakMemory"/>, left out of the table's target column.</summary>
    public const string SelfProcess = "drop simulator";
}
