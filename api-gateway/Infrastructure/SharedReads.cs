using System.Collections.Concurrent;

namespace Ticketing.Gateway.Infrastructure;

/// <summary>
/// One read on behalf of every request for the same key that arrives while a read of that key is in flight, and
/// never an answer from a read that began before its request arrived: a request that finds no read in flight starts
/// one at once; a request that finds one waits for the next, which starts as soon as that one ends and serves every
/// request that came in meanwhile. So each answer is at least as fresh as the request (a buyer who was just answered
/// 201 and reads the event sees their own seat counted), at most two reads late, and a key read by thousands of
/// clients at once costs a couple of reads per round trip, not one per request.
/// <para>
/// A failed read fails the requests it served and no others; the next request starts afresh. The read runs to its
/// end even if the request that started it goes away, since others may be waiting on it.
/// </para>
/// </summary>
public sealed class SharedReads<TKey, TValue>(Func<TKey, Task<TValue>> read)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Line> lines = new();

    /// <summary>Keys with a read in flight; a key nobody is reading takes no memory.</summary>
    public int KeysInFlight => lines.Count;

    public Task<TValue> ReadAsync(TKey key, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var line = lines.GetOrAdd(key, static _ => new Line());
            Task<TValue>? next = null;
            lock (line)
            {
                if (line.Ended)
                {
                    continue;
                }

                if (line.Reading)
                {
                    line.Next ??= new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
                    next = line.Next.Task;
                }

                line.Reading = true;
            }

            return (next ?? Begin(key, line)).WaitAsync(cancellationToken);
        }
    }

    private Task<TValue> Begin(TKey key, Line line)
    {
        var reading = ReadOnce(key);
        reading.ContinueWith(_ => HandOn(key, line), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return reading;
    }

    // A read that throws as it is called fails its task like any other, so the line moves on.
    private async Task<TValue> ReadOnce(TKey key) => await read(key);

    private void HandOn(TKey key, Line line)
    {
        TaskCompletionSource<TValue>? waiting;
        lock (line)
        {
            waiting = line.Next;
            line.Next = null;
            if (waiting is null)
            {
                line.Reading = false;
                line.Ended = true;
                lines.TryRemove(KeyValuePair.Create(key, line));
                return;
            }
        }

        var next = Begin(key, line);
        next.ContinueWith(done => waiting.SetFromTask(done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>One key's reads: whether one is in flight, and the requests waiting for the next.</summary>
    private sealed class Line
    {
        public bool Reading;

        public bool Ended;

        public TaskCompletionSource<TValue>? Next;
    }
}
