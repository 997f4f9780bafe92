namespace Ticketing.DropSimulator.Targets;

/// <summary>
/// Watches the processes of a target this tool started, once a second: keeps the highest peak RSS each
/// reached (so a process that dies mid-run still reports one) and signals <see cref="Lost"/> when the
/// process the run talks to exits before the run stops it.
/// </summary>
public sealed class TargetWatch : IDisposable
{
    private readonly Func<IReadOnlyList<(string Name, int Pid)>> processes;
    private readonly Func<string?> exited;
    private readonly Dictionary<string, ProcessPeak> peaks = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource lost = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Lock gate = new();
    private readonly Task loop;

    /// <param name="processes">The processes to sample, by name.</param>
    /// <param name="exited">Why the target is gone, or null while it runs.</param>
    public TargetWatch(Func<IReadOnlyList<(string Name, int Pid)>> processes, Func<string?> exited)
    {
        this.processes = processes;
        this.exited = exited;
        loop = Task.Run(WatchAsync);
    }

    /// <summary>Cancelled when the target went away by itself.</summary>
    public CancellationToken Lost => lost.Token;

    public string? LostBecause { get; private set; }

    public IReadOnlyList<ProcessPeak> Peaks()
    {
        Sample();
        lock (gate)
        {
            return [.. peaks.Values.OrderBy(p => p.Process, StringComparer.Ordinal)];
        }
    }

    /// <summary>Stops watching; called before the run stops the target on purpose.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await loop;
    }

    private async Task WatchAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                Sample();
                if (LostBecause is null && exited() is { } why)
                {
                    LostBecause = why;
                    await lost.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }
    }

    private void Sample()
    {
        foreach (var (name, pid) in processes())
        {
            if (ProcessMemory.Peak(name, pid) is not { } peak)
            {
                continue;
            }

            lock (gate)
            {
                if (!peaks.TryGetValue(name, out var known) || known.PeakRssBytes < peak.PeakRssBytes)
                {
                    peaks[name] = peak;
                }
            }
        }
    }

    public void Dispose()
    {
        stop.Dispose();
        lost.Dispose();
    }
}
