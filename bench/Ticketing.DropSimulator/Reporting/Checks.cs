using System.Globalization;
using Ticketing.DropSimulator.Phases;

namespace Ticketing.DropSimulator.Reporting;

/// <summary>
/// The "always" conditions, judged from what the run saw and verified. Throughput targets are not
/// checks: they depend on the mode and the machine, and the report states the numbers next to them.
/// </summary>
public static class Checks
{
    public static IReadOnlyList<CheckResult> Judge(RunReport report)
    {
        var checks = new List<CheckResult>
        {
            new("run completed", report.AbortedBecause is null, report.AbortedBecause ?? $"in {report.TotalSeconds:0.0} s"),
        };

        if (report.Drop is { } drop)
        {
            checks.Add(new("sold out", drop.SoldOut, drop.EndedBecause));
            checks.AddRange(Answers(drop));
        }

        if (report.LiveWatch is { } live)
        {
            checks.Add(new(
                "every watcher told of the sell-out",
                live.Connected == live.Watchers && live.SawSoldOut == live.Watchers,
                $"{N(live.Connected)} of {N(live.Watchers)} live feeds opened, {N(live.SawSoldOut)} sent available 0 within 5 s of the drop's end"));
        }

        if (report.Verification is { } v)
        {
            var capacity = report.Shape.Capacity;
            var counters = v.Event is { } e ? $"; event: {N(e.Held)} held, {N(e.Sold)} sold of {N(e.Capacity)}" : "";
            checks.Add(new(
                "sold ≤ capacity",
                v.LiveOrders <= capacity && (v.Event is null || (v.Event.Held <= capacity && v.Event.Sold <= capacity && v.Event.Available >= 0)),
                $"{N(v.LiveOrders)} live orders for {N(capacity)} seats{counters}"));
            checks.Add(new(
                "no seat sold twice",
                v.TicketsInTwoLiveOrders == 0 && v.TicketMismatches == 0,
                $"{N(v.TicketsInTwoLiveOrders)} tickets in two live orders, {N(v.TicketMismatches)} tickets naming another order"));
            checks.Add(new(
                "every reservation exists",
                v.MissingOrders == 0,
                $"{N(v.ReservationsReported)} reservations answered 201, {N(v.MissingOrders)} no longer found, " +
                $"{N(v.UnseenOrders)} found that no buyer saw answered"));
            checks.Add(new("event counters agree with the orders", v.CountersAgree, "available and sold, re-read for up to 3 s"));
            checks.Add(new("everything verified", v.Unverified == 0, $"{N(v.Unverified)} requests without a definitive answer"));
        }
        else if (report.Drop is not null)
        {
            checks.Add(new("verified", false, "the verification did not run"));
        }

        if (report.Expiry is { SkippedBecause: null } expiry)
        {
            checks.Add(new(
                "unpaid reservations expire and free their seats",
                expiry.NotExpired == 0 && expiry.SeatsReturned,
                $"{N(expiry.Expired)} of {N(expiry.Unpaid)} expired; seats back " +
                (expiry.SecondsAfterLastExpiry is { } s ? $"{s:0.0} s after the last expiresAt" : "not within 5 s")));
        }

        return checks;
    }

    private static IEnumerable<CheckResult> Answers(DropResult drop)
    {
        var r = drop.Requests;
        var definitive = r.CountWhere(o => o is "201" or "409 sold_out" or "409 limit_reached" or "409 not_on_sale");
        var throttled = r.CountWhere(o => o.StartsWith("429", StringComparison.Ordinal));
        var faults = r.CountWhere(o => o.StartsWith('5'));
        var timeouts = r.Count("timeout");
        var other = r.Requests - definitive - throttled - faults - timeouts;
        yield return new("no 5xx", faults == 0, $"{N(faults)} server errors");
        yield return new("no timeouts", timeouts == 0, $"{N(timeouts)} requests unanswered within --request-timeout");
        yield return new("every answer definitive", other == 0, $"{N(other)} transport errors or unexpected answers (see outcomes)");
        yield return new(
            "not rate limited",
            throttled == 0,
            throttled == 0
                ? "no 429"
                : $"{N(throttled)} × 429: raise the target's Ticketing__RateLimits__TokensPerSecond/Burst, or the numbers measure the limiter");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
