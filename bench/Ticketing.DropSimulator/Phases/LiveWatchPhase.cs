using System.Diagnostics;
using System.Text.Json;
using Ticketing.DropSimulator.Http;
using Ticketing.DropSimulator.Metrics;

namespace Ticketing.DropSimulator.Phases;

/// <summary>What the buyers watching the live feed saw of the drop.</summary>
/// <param name="Connected">Watchers whose feed opened and sent the event's counters before the drop.</param>
/// <param name="SawSoldOut">Watchers that were sent <c>available: 0</c> before they gave up waiting.</param>
/// <param name="SoldOutLag">
/// From the first <c>sold_out</c> a buyer was told to the watcher being sent <c>available: 0</c>; 0 for a watcher sent it
/// first (the last seat is taken before any buyer hears <c>sold_out</c>).
/// </param>
public sealed record LiveWatchResult(
    string Path, int Watchers, int Connected, int SawSoldOut, long Messages, double ConnectSeconds, LatencySummary SoldOutLag);

/// <summary>
/// Buyers waiting on the event page: each holds one <c>GET /api/events/{id}/live</c> (Server-Sent Events) open from
/// before the drop until it is sent <c>available: 0</c>, instead of polling the counter. Watchers have a connection
/// pool of their own, apart from the buyers'.
/// </summary>
public sealed class LiveWatchPhase : IDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private readonly GatewayClient client;
    private readonly int watchers;
    private readonly string path;
    private readonly CancellationTokenSource stop = new();
    private CancellationTokenSource? watching;
    private readonly TaskCompletionSource<bool>[] opened;
    private readonly long[] sawSoldOutAt;
    private long messages;
    private Task running = Task.CompletedTask;
    private double connectSeconds;

    public LiveWatchPhase(Uri baseAddress, string eventId, int watchers)
    {
        this.watchers = watchers;
        path = $"/api/events/{Uri.EscapeDataString(eventId)}/live";
        opened = Enumerable.Range(0, watchers).Select(_ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        sawSoldOutAt = new long[watchers];
        client = new GatewayClient(baseAddress, watchers, ConnectTimeout);
    }

    /// <summary>Opens every watcher's feed and waits (at most 30 s) until each has its first counters or has failed.</summary>
    public async Task StartAsync(CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        watching = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stop.Token);
        running = Task.WhenAll(Enumerable.Range(0, watchers).Select(w => WatchAsync(w, watching.Token)));
        try
        {
            await Task.WhenAll(opened.Select(o => o.Task)).WaitAsync(ConnectTimeout, cancellation);
        }
        catch (TimeoutException)
        {
            // The drop goes ahead; the watchers still connecting are reported as not connected.
        }

        connectSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>
    /// Waits at most <paramref name="grace"/> for every watcher to be sent the sell-out, then closes the feeds left.
    /// </summary>
    /// <param name="soldOutAt">The <see cref="Stopwatch"/> timestamp of the first <c>sold_out</c> a buyer was told; 0 if none was.</param>
    public async Task<LiveWatchResult> FinishAsync(long soldOutAt, TimeSpan grace, CancellationToken cancellation)
    {
        try
        {
            await running.WaitAsync(grace, cancellation);
        }
        catch (TimeoutException)
        {
            // The watchers still waiting are reported as not having seen the sell-out.
        }

        await stop.CancelAsync();
        await running;
        var saw = sawSoldOutAt.Where(at => at != 0).ToArray();
        var lags = soldOutAt == 0 ? [] : saw.Select(at => Math.Max(0, Stopwatch.GetElapsedTime(soldOutAt, at).Ticks)).ToArray();
        var connected = opened.Count(o => o.Task.IsCompletedSuccessfully && o.Task.Result);
        return new LiveWatchResult(path, watchers, connected, saw.Length, Interlocked.Read(ref messages), Math.Round(connectSeconds, 2), LatencySummary.From(lags));
    }

    private async Task WatchAsync(int watcher, CancellationToken cancellation)
    {
        try
        {
            using var response = await client.OpenStreamAsync(path, "text/event-stream", cancellation);
            if (!response.IsSuccessStatusCode)
            {
                return;
            }

            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellation));
            while (await reader.ReadLineAsync(cancellation) is { } line)
            {
                if (Available(line) is not { } available)
                {
                    continue;
                }

                Interlocked.Increment(ref messages);
                opened[watcher].TrySetResult(true);
                if (available == 0)
                {
                    sawSoldOutAt[watcher] = Stopwatch.GetTimestamp();
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException or JsonException)
        {
            // A feed that could not open, was closed or sent what is not a counter: it counts as not connected or as not
            // having seen the sell-out.
        }
        finally
        {
            opened[watcher].TrySetResult(false);
        }
    }

    /// <summary>The <c>available</c> count of a <c>data: {"available":N,"sold":M}</c> line, or null for any other line.</summary>
    private static int? Available(string line)
    {
        if (!line.StartsWith("data:", StringComparison.Ordinal))
        {
            return null;
        }

        using var message = JsonDocument.Parse(line.AsMemory(5));
        return message.RootElement.TryGetProperty("available", out var available) ? available.GetInt32() : null;
    }

    public void Dispose()
    {
        watching?.Dispose();
        stop.Dispose();
        client.Dispose();
    }
}
