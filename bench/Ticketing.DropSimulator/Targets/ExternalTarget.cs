namespace Ticketing.DropSimulator.Targets;

/// <summary>A gateway someone else runs: the tool only checks that it is ready, and never stops it.</summary>
public sealed class ExternalTarget(Uri url) : ITarget
{
    public string Kind => "external";

    public Uri Url => url;

    public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task StartAsync(CancellationToken cancellation)
    {
        if (!await Readiness.WaitAsync(url, TimeSpan.FromSeconds(10), () => true, cancellation))
        {
            throw new TargetUnavailableException(
                $"no ready gateway at {url} (GET /readyz): start one with raised rate limits (see bench/README.md), or pass --start embedded");
        }
    }

    public IReadOnlyList<ProcessPeak> PeakMemory() => [];

    public CancellationToken Lost => CancellationToken.None;

    public string? LostBecause => null;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
