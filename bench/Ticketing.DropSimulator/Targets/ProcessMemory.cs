using System.Globalization;

namespace Ticketing.DropSimulator.Targets;

/// <summary>Reads a process's peak resident set (<c>VmHWM</c> in <c>/proc/&lt;pid&gt;/status</c>; Linux only).</summary>
public static class ProcessMemory
{
    public static long? PeakRssBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                // "VmHWM:    123456 kB"
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process is gone or this is not Linux.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    public static ProcessPeak? Peak(string name, int pid) =>
        PeakRssBytes(pid) is { } bytes ? new ProcessPeak(name, pid, bytes) : null;
}
