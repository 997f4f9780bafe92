using System.Diagnostics;

namespace Ticketing.DropSimulator.Metrics;

/// <summary>
/// How many cores the simulator itself kept busy over a phase: on a shared machine the load generator's
/// CPU is CPU the target did not get, so every rate is reported with it.
/// </summary>
public readonly struct CpuMeter
{
    private readonly TimeSpan cpuAtStart;
    private readonly long startedAt;

    private CpuMeter(TimeSpan cpu, long timestamp)
    {
        cpuAtStart = cpu;
        startedAt = timestamp;
    }

    public static CpuMeter Start() => new(ProcessorTime(), Stopwatch.GetTimestamp());

    /// <summary>CPU time used since <see cref="Start"/> over the wall time since then: 1.0 is one core all the time.</summary>
    public double Cores()
    {
        var wall = Stopwatch.GetElapsedTime(startedAt).TotalSeconds;
        var cpu = (ProcessorTime() - cpuAtStart).TotalSeconds;
        return wall > 0 ? Math.Round(cpu / wall, 2) : 0;
    }

    private static TimeSpan ProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
