namespace Ticketing.DropSimulator.Targets;

/// <summary>A process of the target and the most memory it ever held (<c>VmHWM</c>), when this tool started it.</summary>
public sealed record ProcessPeak(string Process, int Pid, long PeakRssBytes);

/// <summary>The gateway under load: one already running, or one this tool starts and stops.</summary>
public interface ITarget : IAsyncDisposable
{
    /// <summary><c>embedded</c>, <c>durable</c> or <c>external</c>.</summary>
    string Kind { get; }

    Uri Url { get; }

    /// <summary>The settings this tool gave a target it started (environment variables), for the report.</summary>
    IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Starts the target if this tool owns it, and returns once it answers <c>/readyz</c>.</summary>
    Task StartAsync(CancellationToken cancellation);

    /// <summary>Peak RSS of each process this tool started (sampled every second while it ran).</summary>
    IReadOnlyList<ProcessPeak> PeakMemory();

    /// <summary>Cancelled when a target this tool started exits by itself; the run then ends early.</summary>
    CancellationToken Lost { get; }

    /// <summary>Why <see cref="Lost"/> fired, or null.</summary>
    string? LostBecause { get; }
}

/// <summary>The target could not be started or reached; the message says what to do about it.</summary>
public sealed class TargetUnavailableException(string message) : Exception(message);
