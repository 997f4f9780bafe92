using System.Diagnostics;
using System.Globalization;

namespace Ticketing.DropSimulator.Targets;

/// <summary>
/// A process this tool started, its output appended to a log file by the shell rather than piped here: a
/// pipe would be held open by anything it leaves running (build servers, nohup'd silos) and stall the wait.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int TailLines = 30;

    private readonly Process process;
    private readonly string logPath;

    private ChildProcess(Process process, string logPath)
    {
        this.process = process;
        this.logPath = logPath;
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public static ChildProcess Start(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);

        // exec: the shell becomes the program, so the pid (and its /proc status) is the program's own.
        var info = new ProcessStartInfo("bash", ["-c", "exec \"$@\" >>\"$DROP_SIMULATOR_LOG\" 2>&1", "bash", fileName, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        info.Environment["DROP_SIMULATOR_LOG"] = Path.GetFullPath(logPath);
        try
        {
            return new ChildProcess(Process.Start(info)!, logPath);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new TargetUnavailableException($"could not run {fileName}: {e.Message}");
        }
    }

    /// <summary>The last lines of the log, to explain a failure.</summary>
    public string Tail()
    {
        try
        {
            using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var lines = new Queue<string>();
            while (reader.ReadLine() is { } line)
            {
                lines.Enqueue(line);
                if (lines.Count > TailLines)
                {
                    lines.Dequeue();
                }
            }

            return string.Join(Environment.NewLine, lines);
        }
        catch (IOException e)
        {
            return $"(no log: {e.Message})";
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellation) => process.WaitForExitAsync(cancellation);

    /// <summary>Asks the process to stop (SIGTERM: the host shuts down gracefully), then kills it after a grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }

        var term = new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false };
        using (var kill = Process.Start(term))
        {
            await (kill?.WaitForExitAsync() ?? Task.CompletedTask);
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            KillTree();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Kills the process and everything it started, at once.</summary>
    public void KillTree()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }

    public void Dispose() => process.Dispose();
}
