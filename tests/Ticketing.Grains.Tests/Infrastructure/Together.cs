namespace Ticketing.Grains.Tests.Infrastructure;

/// <summary>Races of real threads, for the stores whose operations complete on the caller's thread.</summary>
public static class Together
{
    /// <summary>
    /// Runs <paramref name="body"/> with indexes 0 to <paramref name="count"/> - 1, each on a thread of its own, all
    /// released at once, so the calls overlap on every core rather than queue; returns when every one has finished.
    /// </summary>
    public static void Run(int count, Action<int> body)
    {
        using var start = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            body(i);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }
}
