using System.Globalization;
using System.Runtime.InteropServices;

namespace Ticketing.DropSimulator.Reporting;

/// <summary>The machine the simulator ran on, which is also the target's unless --allow-remote was used.</summary>
public sealed record MachineInfo(int LogicalCores, string Cpu, double MemoryGiB, string Os, string Runtime)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        MemoryGiBFromProc(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    public string Describe() =>
        $"{LogicalCores} logical cores ({Cpu}), {MemoryGiB:0.#} GiB RAM, {Os}, {Runtime}";

    private static double MemoryGiBFromProc()
    {
        // "MemTotal:       24683736 kB"
        var total = ProcField("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.TryParse(total, NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes)
            ? Math.Round(kilobytes / 1024.0 / 1024.0, 1)
            : 0;
    }

    private static string? ProcField(string file, string name)
    {
        try
        {
            return File.ReadLines(file)
                .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.Contains(':'))
                .Select(line => line[(line.IndexOf(':') + 1)..].Trim())
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
