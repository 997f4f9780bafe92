using Ticketing.DropSimulator.Phases;
using static Ticketing.DropSimulator.Reporting.Text;

namespace Ticketing.DropSimulator.Reporting;

/// <summary>The run, readable at a glance in a terminal.</summary>
public static class ConsoleSummary
{
    public static void Write(RunReport r, TextWriter o)
    {
        o.WriteLine();
        o.WriteLine($"Target      {r.Target.Label} at {r.Target.Url}" + (r.Target.StartedByTool ? " (started by this run; rate limits raised)" : ""));
        o.WriteLine($"Shape       {Shape(r.Shape)}");
        if (r.SignUp is { } s)
        {
            o.WriteLine($"Sign-up     {N(s.SignedUp)} of {N(s.Requested)} buyers in {s.Seconds:0.0} s ({s.PerSecond:0.0}/s, {s.Concurrency} at a time; before the clock)");
        }

        if (r.WarmUp is { } w)
        {
            o.WriteLine($"Warm-up     {N(w.Reservations)} reservations in {N(w.Events)} events of {N(w.SeatsPerEvent)} seats, {w.Seconds:0.0} s ({N(w.ReservationsPerSecond)}/s; not measured)");
        }

        if (r.Ceiling is { } c)
        {
            o.WriteLine($"Ceiling     GET /healthz           {Probe(c)}");
        }

        if (r.EventCreationMs is { } created)
        {
            o.WriteLine($"Creation    POST /api/events       {created:N1} ms for {r.Shape.Capacity:N0} seats");
        }

        if (r.EventPoll is { } p)
        {
            o.WriteLine($"Counter     GET /api/events/{{id}}   {Probe(p)}");
        }

        if (r.EventPollDuringDrop is { } during)
        {
            o.WriteLine($"Counter     GET /api/events/{{id}}   {Probe(during)}");
        }

        if (r.Drop is { } d)
        {
            WriteDrop(r, d, o);
        }

        if (r.LiveWatch is { } live)
        {
            o.WriteLine($"Live feed   GET /api/events/{{id}}/live   {LiveWatch(live)}");
        }

        if (r.Payments is { } pay)
        {
            o.WriteLine($"Payments    {N(pay.Paid)} of {N(pay.Attempted)} paid in {pay.Seconds:0.00} s ({N(pay.PerSecond)}/s; p99 {Ms(pay.Requests.Latency.P99Ms)} ms)");
        }

        if (r.Verification is { } v)
        {
            o.WriteLine($"Verified    {N(v.OrdersFound)} orders ({N(v.UnseenOrders)} unseen, {N(v.MissingOrders)} missing): {N(v.LiveOrders)} live, " +
                        $"{N(v.PaidOrders)} paid; {N(v.TicketsInTwoLiveOrders)} tickets in two live orders; counters " +
                        (v.Event is { } e ? $"{N(e.Held)} held, {N(e.Sold)} sold of {N(e.Capacity)}" : "unread") +
                        $" ({v.Seconds:0.0} s, {N(v.Requests.Requests)} requests)");
            foreach (var sample in v.Samples)
            {
                o.WriteLine($"            ! {sample}");
            }
        }

        if (r.Expiry is { } x)
        {
            o.WriteLine(x.SkippedBecause is { } why
                ? $"Expiry      not awaited: {why}"
                : $"Expiry      {N(x.Expired)} of {N(x.Unpaid)} unpaid reservations expired; seats back: {(x.SeatsReturned ? "yes" : "no")}");
        }

        if (r.PeakMemoryThroughSellOut.Count > 0)
        {
            o.WriteLine($"Peak RSS    {string.Join(" · ", r.PeakMemoryThroughSellOut.Select(m => $"{m.Process} {MiB(m.PeakRssBytes)} MiB"))} (through the sell-out)");
        }

        if (r.PeakMemory.Count > 0)
        {
            o.WriteLine($"{(r.PeakMemoryThroughSellOut.Count > 0 ? "           " : "Peak RSS   ")} {string.Join(" · ", r.PeakMemory.Select(m => $"{m.Process} {MiB(m.PeakRssBytes)} MiB"))} (whole run)");
        }

        o.WriteLine();
        foreach (var check in r.Checks)
        {
            o.WriteLine($"  {(check.Passed ? "ok  " : "FAIL")}  {check.Name}: {check.Detail}");
        }
    }

    private static void WriteDrop(RunReport r, DropResult d, TextWriter o)
    {
        var share = r.ShareOfCeiling is { } s ? $" ({Percent(s)} of the /healthz ceiling)" : "";
        o.WriteLine($"Drop        {SellOut(d)} — {N(d.ReservationsPerSecond)} reservations/s{share}");
        o.WriteLine($"            {N(d.Reservations)} reservations from {N(d.Requests.Requests)} order requests ({N(d.RequestsPerSecond)} req/s)" +
                    (d.LastReservationSeconds is { } last ? $"; last 201 at {Seconds(last)} s" : "") +
                    $"; simulator used {d.SimulatorCores:0.0} cores");
        o.WriteLine($"Latency     {Latency(d.Requests.Latency)} (all order requests)");
        o.WriteLine($"            {Latency(d.Requests.SuccessLatency)} (201 only)");
        o.WriteLine($"Outcomes    {Outcomes(d.Requests.Outcomes)}");
        o.WriteLine($"Errors      {(d.Requests.Errors.Count == 0 ? "none" : Outcomes(d.Requests.Errors))}");
    }
}
