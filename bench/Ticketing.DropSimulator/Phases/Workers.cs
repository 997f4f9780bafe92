using Ticketing.DropSimulator.Metrics;

namespace Ticketing.DropSimulator.Phases;

/// <summary>Runs a fixed number of concurrent workers, each with its own <see cref="RequestLog"/>.</summary>
public static class Workers
{
    /// <summary>Starts <paramref name="count"/> workers and waits for all; the run's cancellation ends them quietly.</summary>
    public static async Task<RequestLog[]> RunAsync(int count, Func<int, RequestLog, Task> work)
    {
        var logs = Enumerable.Range(0, count).Select(_ => new RequestLog()).ToArray();
        await Task.WhenAll(logs.Select((log, worker) => Quietly(() => work(worker, log))));
        return logs;
    }

    /// <summary>Works through <paramref name="items"/> items with at most <paramref name="concurrency"/> at a time.</summary>
    public static Task<RequestLog[]> ForEachAsync(int items, int concurrency, Func<int, RequestLog, Task> work)
    {
        var next = -1;
        return RunAsync(Math.Clamp(concurrency, 1, Math.Max(items, 1)), async (_, log) =>
        {
            for (var item = Interlocked.Increment(ref next); item < items; item = Interlocked.Increment(ref next))
            {
                await work(item, log);
            }
        });
    }

    private static async Task Quietly(Func<Task> work)
    {
        try
        {
            // Each worker starts on the thread pool, so none runs its first request on the caller's thread.
            await Task.Run(work);
        }
        catch (OperationCanceledException)
        {
            // The run's deadline or Ctrl-C: the caller reports what was done so far.
        }
    }
}
