using Ticketing.DropSimulator.Http;
using Ticketing.DropSimulator.Metrics;

namespace Ticketing.DropSimulator.Phases;

/// <summary>
/// Set-up and verification requests are retried a few times when throttled, faulted or unanswered, so one
/// slow moment does not spoil a run; every attempt is still logged. The drop itself never uses this.
/// </summary>
public static class Retry
{
    private const int Attempts = 4;

    public static async Task<ApiReply<T>> UntilDefinitiveAsync<T>(Func<Task<ApiReply<T>>> send, RequestLog log, CancellationToken cancellation)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var reply = await send();
            log.Record(reply);
            if (!reply.IsRetryable || attempt == Attempts)
            {
                return reply;
            }

            var wait = reply.RetryAfter is { } after ? TimeSpan.FromTicks(Math.Min(after.Ticks, TimeSpan.TicksPerSecond * 2)) : TimeSpan.FromMilliseconds(200 * attempt);
            await Task.Delay(wait, cancellation);
        }
    }
}
