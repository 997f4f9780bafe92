namespace Ticketing.Gateway.Infrastructure;

/// <summary>
/// Runs a fan-out at most once per interval: asked again within it, the fan-out is put off to the interval's end (one
/// timer), and every request in between is served by that one run, which sends whatever is newest by then.
/// </summary>
public sealed class PacedFanOut(TimeProvider time, TimeSpan interval, Action fanOut) : IDisposable
{
    private readonly Lock gate = new();
    private long ranAt;
    private ITimer? due;

    /// <summary>Something new to send: fans out now, or at the end of the interval since the last time.</summary>
    public void Request()
    {
        lock (gate)
        {
            if (due is not null)
            {
                return;
            }

            var wait = interval - time.GetElapsedTime(ranAt);
            if (ranAt != 0 && wait > TimeSpan.Zero)
            {
                due = time.CreateTimer(_ => RunDue(), null, wait, Timeout.InfiniteTimeSpan);
                return;
            }

            ranAt = time.GetTimestamp();
        }

        fanOut();
    }

    public void Dispose()
    {
        lock (gate)
        {
            due?.Dispose();
            due = null;
        }
    }

    private void RunDue()
    {
        lock (gate)
        {
            due?.Dispose();
            due = null;
            ranAt = time.GetTimestamp();
        }

        fanOut();
    }
}
