using System.Diagnostics;

namespace Ticketing.Grains.Tests.Infrastructure;

/// <summary>Polls until a condition holds or a deadline passes; the caller asserts on what was seen last.</summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var seen = await probe();
            if (done(seen) || clock.Elapsed >= timeout)
            {
                return seen;
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>Polls until a condition holds or the real-time <paramref name="deadlineUtc"/> passes.</summary>
    public static Task<T> ByAsync<T>(DateTime deadlineUtc, Func<Task<T>> probe, Func<T, bool> done) =>
        UntilAsync(probe, done, deadlineUtc - DateTime.UtcNow);

    /// <summary>
    /// Returns at <paramref name="instantUtc"/> (real time). Not a wait for an outcome: tests use it to act at a
    /// chosen moment, such as right around an order's expiry.
    /// </summary>
    public static Task AtAsync(DateTime instantUtc)
    {
        var left = instantUtc - DateTime.UtcNow;
        return left > TimeSpan.Zero ? Task.Delay(left) : Task.CompletedTask;
    }
}
