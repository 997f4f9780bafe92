namespace Ticketing.DropSimulator.Targets;

/// <summary>
/// The local durable cluster of <c>scripts/cluster-up.sh</c>: a throwaway PostgreSQL 15, three silos (or
/// <c>--silos</c>) and a
/// client-mode gateway at http://localhost:5080. The script builds the solution in Release itself. It is torn
/// down with <c>cluster-down.sh --purge</c> after the run, so the tool refuses to start over an existing
/// <c>.cluster/</c> (someone's data) or while anything listens on port 5080. Environment variables set here
/// reach every silo and the gateway, because the script starts them as its children.
/// </summary>
public sealed class DurableCluster(
    string repo, TimeSpan? reservationWindow, int? silos, TimeSpan startTimeout, string logDirectory, string logPrefix)
    : ITarget
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(3);

    private bool started;
    private TargetWatch? watch;

    public string Kind => "durable";

    public Uri Url { get; } = new("http://localhost:5080");

    public IReadOnlyDictionary<string, string> Settings { get; } = WithSilos(TargetEnvironment.For(reservationWindow), silos);

    private string ClusterDirectory => Path.Combine(repo, ".cluster");

    /// <summary>The script reads its silo count from SILOS; reported with the run like every other setting.</summary>
    private static Dictionary<string, string> WithSilos(Dictionary<string, string> settings, int? silos)
    {
        settings["SILOS"] = (silos ?? 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    public async Task StartAsync(CancellationToken cancellation)
    {
        var script = Path.Combine(repo, "scripts", "cluster-up.sh");
        if (!File.Exists(script))
        {
            throw new TargetUnavailableException($"{script} does not exist; is --repo the Ticketing repository?");
        }

        if (Directory.Exists(ClusterDirectory))
        {
            throw new TargetUnavailableException(
                $"{ClusterDirectory} exists (a local cluster's data); this run would purge it. Stop and purge it with " +
                "scripts/cluster-down.sh --purge, or start the cluster yourself and run without --start.");
        }

        if (LocalPorts.InUse(Url.Port))
        {
            throw new TargetUnavailableException($"something already listens on port {Url.Port}; stop it, or run against it without --start");
        }

        started = true;
        using var up = ChildProcess.Start("bash", [script], repo, Settings, Path.Combine(logDirectory, logPrefix + "cluster-up.log"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(startTimeout);
        try
        {
            await up.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            up.KillTree();
            throw new TargetUnavailableException($"scripts/cluster-up.sh did not finish within {startTimeout}; it ended with:{Environment.NewLine}{up.Tail()}");
        }

        if (up.ExitCode != 0)
        {
            throw new TargetUnavailableException($"scripts/cluster-up.sh failed ({up.ExitCode}):{Environment.NewLine}{up.Tail()}");
        }

        watch = new TargetWatch(Processes, () =>
            Processes().Any(p => p.Name == "gateway" && !Directory.Exists($"/proc/{p.Pid}"))
                ? "the cluster's gateway exited by itself (logs are kept next to the results)"
                : null);
    }

    public IReadOnlyList<ProcessPeak> PeakMemory() => watch?.Peaks() ?? [];

    public CancellationToken Lost => watch?.Lost ?? CancellationToken.None;

    public string? LostBecause => watch?.LostBecause;

    /// <summary>The gateway and silos, from the pid files cluster-up.sh writes.</summary>
    private List<(string Name, int Pid)> Processes()
    {
        var pids = Path.Combine(ClusterDirectory, "pids");
        if (!Directory.Exists(pids))
        {
            return [];
        }

        return Directory.GetFiles(pids)
            .Select(file => (Name: Path.GetFileName(file), Text: File.ReadAllText(file).Trim()))
            .Where(p => int.TryParse(p.Text, out _))
            .Select(p => (p.Name, int.Parse(p.Text, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (watch is not null)
        {
            await watch.StopAsync();
            watch.Dispose();
        }

        if (!started)
        {
            return;
        }

        // The purge deletes the cluster's logs with its data: keep them next to the results.
        var logs = Path.Combine(ClusterDirectory, "logs");
        if (Directory.Exists(logs))
        {
            var keep = Path.Combine(logDirectory, logPrefix + "cluster-logs");
            Directory.CreateDirectory(keep);
            foreach (var file in Directory.GetFiles(logs))
            {
                File.Copy(file, Path.Combine(keep, Path.GetFileName(file)), overwrite: true);
            }
        }

        var script = Path.Combine(repo, "scripts", "cluster-down.sh");
        using var down = ChildProcess.Start("bash", [script, "--purge"], repo, Settings, Path.Combine(logDirectory, logPrefix + "cluster-down.log"));
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await down.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            down.KillTree();
        }
    }
}
