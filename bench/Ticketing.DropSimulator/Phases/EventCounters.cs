using System.Diagnostics;
using Ticketing.DropSimulator.Http;
using Ticketing.DropSimulator.Metrics;

namespace Ticketing.DropSimulator.Phases;

/// <summary>An event's public counters, as <c>GET /api/events/{id}</c> reports them.</summary>
public sealed record EventCounters(int Capacity, int Available, int Sold)
{
    /// <summary>Seats held by a live order (reserved or sold).</summary>
    public int Held => Capacity - Available;

    /// <summary>
    /// Polls the event until its counters satisfy <paramref name="expected"/> or <paramref name="within"/> passes
    /// (the contract makes them exact once writes settle, within 1 s); returns the last counters read.
    /// </summary>
    public static async Task<(EventCounters? Counters, bool Agreed, double Seconds)> AwaitAsync(
        GatewayClient client, string eventId, Func<EventCounters, bool> expected, TimeSpan within, RequestLog log, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        EventCounters? last = null;
        while (true)
        {
            var reply = await client.GetAsync($"/api/events/{Uri.EscapeDataString(eventId)}", null, ApiJson.Default.EventDto, cancellation);
            log.Record(reply);
            if (reply.Value is { } e)
            {
                last = new EventCounters(e.Capacity, e.Available, e.Sold);
                if (expected(last))
                {
                    return (last, true, Stopwatch.GetElapsedTime(started).TotalSeconds);
                }
            }

            if (Stopwatch.GetElapsedTime(started) >= within)
            {
                return (last, false, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellation);
        }
    }
}
