using System.Globalization;

namespace Ticketing.DropSimulator.Targets;

/// <summary>
/// The default deployment in one process (gateway + co-hosted silo, in-memory storage), run from its
/// Release build on a free loopback port. Nothing is built here: a stale or missing build is the caller's.
/// </summary>
public sealed class EmbeddedGateway(string repo, TimeSpan? reservationWindow, TimeSpan startTimeout, string logPath) : ITarget
{
    public const string RelativeDll = "api-gateway/bin/Release/net10.0/Ticketing.Gateway.dll";

    // HTTP, silo and silo-gateway ports: a run never collides with a gateway or silo already running here.
    private readonly int[] ports = LocalPorts.Free(3);
    private ChildProcess? process;
    private TargetWatch? watch;

    public string Kind => "embedded";

    public Uri Url => new($"http://127.0.0.1:{ports[0]}");

    public IReadOnlyDictionary<string, string> Settings { get; } = TargetEnvironment.For(reservationWindow);

    public async Task StartAsync(CancellationToken cancellation)
    {
        var dll = Path.Combine(repo, RelativeDll);
        if (!File.Exists(dll))
        {
            throw new TargetUnavailableException($"{dll} does not exist; build it first: cd {repo} && dotnet build -c Release api-gateway");
        }

        var environment = new Dictionary<string, string>(Settings)
        {
            ["ASPNETCORE_URLS"] = Url.ToString().TrimEnd('/'),
            ["Ticketing__Silo__SiloPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["Ticketing__Silo__GatewayPort"] = ports[2].ToString(CultureInfo.InvariantCulture),
        };
        var contentRoot = Path.Combine(repo, "api-gateway");
        process = ChildProcess.Start("dotnet", [dll, "--contentRoot", contentRoot], contentRoot, environment, logPath);
        if (!await Readiness.WaitAsync(Url, startTimeout, () => !process.HasExited, cancellation))
        {
            var why = process.HasExited ? $"exited with {process.ExitCode}" : $"was not ready within {startTimeout}";
            throw new TargetUnavailableException($"the embedded gateway {why}; its log ({logPath}) ends with:{Environment.NewLine}{process.Tail()}");
        }

        var running = process;
        watch = new TargetWatch(
            () => [("embedded gateway", running.Id)],
            () => running.HasExited ? $"the embedded gateway exited by itself ({running.ExitCode}; log: {logPath})" : null);
    }

    public IReadOnlyList<ProcessPeak> PeakMemory() => watch?.Peaks() ?? [];

    public CancellationToken Lost => watch?.Lost ?? CancellationToken.None;

    public string? LostBecause => watch?.LostBecause;

    public async ValueTask DisposeAsync()
    {
        if (watch is not null)
        {
            await watch.StopAsync();
            watch.Dispose();
        }

        if (process is not null)
        {
            await process.StopAsync(TimeSpan.FromSeconds(15));
            process.Dispose();
        }
    }
}
