using System.Diagnostics;
using Ticketing.DropSimulator.Http;

namespace Ticketing.DropSimulator.Targets;

/// <summary>Waits for a gateway to answer <c>GET /readyz</c> with 200 (its cluster and storage answer).</summary>
public static class Readiness
{
    public static async Task<bool> WaitAsync(Uri url, TimeSpan within, Func<bool> stillStarting, CancellationToken cancellation)
    {
        using var client = new GatewayClient(url, 1, TimeSpan.FromSeconds(5));
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < within && stillStarting())
        {
            var reply = await client.GetAsync<object>("/readyz", null, null, cancellation);
            if (reply.IsSuccess)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
        }

        return false;
    }
}
