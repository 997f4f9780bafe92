using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Ticketing.DropSimulator.Http;
using Ticketing.DropSimulator.Metrics;
using Ticketing.DropSimulator.Options;
using Ticketing.DropSimulator.Phases;
using Ticketing.DropSimulator.Reporting;
using Ticketing.DropSimulator.Targets;

namespace Ticketing.DropSimulator;

/// <summary>
/// One run, phase by phase: start the target (optional) → sign up buyers (bounded by --max-signup-duration)
/// → then, within --max-duration: warm-up drop → ceiling probe → create the event → counter probe while
/// buyers wait → live-feed watchers connect (optional) → the drop → payments → verification → expiry (optional)
/// → report → stop the target.
/// Only the drop is the benchmark; everything before it prepares it.
/// </summary>
public sealed class DropRun(DropOptions options, string? repo, string outDir, string command)
{
    // How long the live feed's watchers may take, after the drop, to be sent the sell-out.
    private static readonly TimeSpan WatchersGrace = TimeSpan.FromSeconds(5);

    private readonly string stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
    private readonly Stopwatch sinceStart = Stopwatch.StartNew();
    private readonly Stopwatch clock = new();
    private string phase = "start";
    private string deadline = "--start-timeout";

    public async Task<int> RunAsync(CancellationToken interrupt)
    {
        await using var target = CreateTarget();
        var report = new RunReport
        {
            StartedAt = DateTimeOffset.UtcNow,
            Command = command,
            Machine = MachineInfo.Current(),
            Target = new TargetInfo(target.Kind, options.Label ?? Label(target), target.Url, options.Start != StartMode.None, target.Settings),
            Shape = new RunShape(
                options.Buyers, options.Capacity, options.MaxPerUser, options.OnSaleIn?.TotalSeconds, options.Concurrency, options.WarmUp.TotalSeconds, options.WarmUpSeats,
                options.PayShare, options.RequestTimeout.TotalSeconds, options.MaxDuration.TotalSeconds, options.MaxRequests),
        };

        var setupFailed = false;
        try
        {
            Progress(options.Start == StartMode.None ? $"Checking that {target.Url} is ready" : $"Starting the {target.Kind} target");
            await target.StartAsync(interrupt);

            using var client = new GatewayClient(target.Url, Math.Max(options.Concurrency, options.SignUpConcurrency) + 8, options.RequestTimeout);
            var runId = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
            using var signUpDeadline = Deadline(options.MaxSignUpDuration, "--max-signup-duration", interrupt, target.Lost);
            var (organizer, buyers) = await SignUpAsync(client, runId, report, signUpDeadline.Token);

            using var runDeadline = Deadline(options.MaxDuration, "--max-duration", interrupt, target.Lost);
            clock.Start();
            await RunDropAsync(client, target, runId, organizer, buyers, report, runDeadline.Token);
        }
        catch (Exception e) when (e is TargetUnavailableException or RunAbortedException)
        {
            setupFailed = true;
            report.AbortedBecause = e.Message;
        }
        catch (OperationCanceledException)
        {
            report.AbortedBecause = true switch
            {
                _ when interrupt.IsCancellationRequested => $"interrupted during {phase}",
                _ when target.LostBecause is { } lost => $"{lost} during {phase}",
                _ => $"{deadline} reached during {phase}",
            };
        }

        report.TotalSeconds = sinceStart.Elapsed.TotalSeconds;
        report.PeakMemory = [.. target.PeakMemory(), .. OwnPeak()];
        report.Checks = Checks.Judge(report);
        ConsoleSummary.Write(report, Console.Out);
        var (json, markdown) = ReportFiles.Write(report, outDir, stamp);
        Console.WriteLine();
        Console.WriteLine($"Results     {markdown}");
        Console.WriteLine($"            {json}");
        if (options.Start != StartMode.None)
        {
            Progress($"Stopping the {target.Kind} target");
        }

        return setupFailed ? 3 : report.Checks.All(c => c.Passed) ? 0 : 1;
    }

    private async Task<(Buyer Organizer, IReadOnlyList<Buyer> Buyers)> SignUpAsync(
        GatewayClient client, string runId, RunReport report, CancellationToken cancellation)
    {
        Enter($"sign-up of {options.Buyers:N0} buyers ({options.SignUpConcurrency} at a time; before the clock)", cancellation);
        var signUp = new SignUpPhase(client, runId);
        var organizer = await signUp.SignUpOrganizerAsync(new RequestLog(), cancellation)
            ?? throw new RunAbortedException($"could not sign up the organizer at {client.BaseAddress}");
        var (buyers, result) = await signUp.SignUpBuyersAsync(options.Buyers, options.SignUpConcurrency, cancellation);
        report.SignUp = result;
        cancellation.ThrowIfCancellationRequested();
        return buyers.Count > 0
            ? (organizer, buyers)
            : throw new RunAbortedException($"no buyer could sign up: {Text.Outcomes(result.Requests.Outcomes)}");
    }

    private async Task RunDropAsync(
        GatewayClient client, ITarget target, string runId, Buyer organizer, IReadOnlyList<Buyer> buyers, RunReport report, CancellationToken cancellation)
    {
        var concurrency = options.Concurrency;
        var events = new EventSetup(client, organizer, options.Price);
        if (options.WarmUp > TimeSpan.Zero)
        {
            Enter($"warm-up: events of {options.WarmUpSeats:N0} seats, one after another, for {Durations.Format(options.WarmUp)} (not measured)", cancellation);
            report.WarmUp = await new WarmUpPhase(client, events, buyers, concurrency, options.MaxRequests)
                .RunAsync(runId, options.WarmUpSeats, options.WarmUp, cancellation);
        }

        var probe = new ThroughputProbe(client, concurrency);
        Enter($"ceiling: GET /healthz for {Durations.Format(options.CeilingDuration)}", cancellation);
        report.Ceiling = await probe.RunAsync("/healthz", "before the drop", options.CeilingDuration, cancellation);

        Enter("event creation", cancellation);
        DateTimeOffset? onSaleAt = options.OnSaleIn is { } wait ? DateTimeOffset.UtcNow + wait : null;
        var creation = System.Diagnostics.Stopwatch.StartNew();
        var drop = await events.CreateAsync($"Drop {runId}", options.Capacity, onSaleAt, options.MaxPerUser, cancellation);
        report.EventCreationMs = Math.Round(creation.Elapsed.TotalMilliseconds, 1);

        Enter($"counter: GET /api/events/{{id}} for {Durations.Format(options.PollDuration)}", cancellation);
        var when = onSaleAt is null ? "after the event is created, before the drop" : "while buyers wait for the on-sale moment";
        var counter = $"/api/events/{Uri.EscapeDataString(drop.Id)}";
        report.EventPoll = await probe.RunAsync(counter, when, options.PollDuration, cancellation);

        using var watch = options.Watchers > 0 ? new LiveWatchPhase(client.BaseAddress, drop.Id, options.Watchers) : null;
        if (watch is not null)
        {
            Enter($"live feed: {options.Watchers:N0} watchers open GET /api/events/{{id}}/live", cancellation);
            await watch.StartAsync(cancellation);
        }

        Enter(onSaleAt is null ? "the drop" : $"the drop (on sale at {drop.OnSaleAt:HH:mm:ss.fff} UTC)", cancellation);
        var buying = new DropPhase(client, new BuyerPool(buyers, concurrency), concurrency, options.MaxRequests);
        var dropping = buying.RunAsync(
            drop.Id, drop.Capacity, onSaleAt is null ? null : drop.OnSaleAt, "the run was stopped before the event sold out", cancellation);
        if (options.PollersDuringDrop > 0)
        {
            report.EventPollDuringDrop = await PollThroughAsync(client, counter, drop.OnSaleAt, dropping, cancellation);
        }

        var (dropResult, placed) = await dropping;
        report.Drop = dropResult;
        report.PeakMemoryThroughSellOut = target.PeakMemory();
        if (watch is not null)
        {
            report.LiveWatch = await watch.FinishAsync(buying.FirstSoldOutTimestamp, WatchersGrace, cancellation);
        }

        if (options.PayShare > 0)
        {
            Enter($"payment of {Text.Percent(options.PayShare)} of {placed.Count:N0} reservations", cancellation);
            (report.Payments, _) = await new PaymentPhase(client, buyers, concurrency).RunAsync(placed, options.PayShare, cancellation);
        }

        Enter($"verification of {placed.Count:N0} reservations", cancellation);
        var (verification, orders) = await new VerificationPhase(client, buyers, concurrency).RunAsync(drop.Id, placed, cancellation);
        report.Verification = verification;

        if (options.AwaitExpiry)
        {
            Enter("waiting for the unpaid reservations to expire", cancellation);
            report.Expiry = await new ExpiryPhase(client, buyers, concurrency).RunAsync(drop.Id, orders, options.MaxDuration - clock.Elapsed, cancellation);
        }

        cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>The counter, polled by its own connections from the on-sale moment until the drop ends.</summary>
    private async Task<ProbeResult> PollThroughAsync(
        GatewayClient client, string counter, DateTimeOffset onSaleAt, Task dropping, CancellationToken cancellation)
    {
        var wait = onSaleAt - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellation);
        }

        return await new ThroughputProbe(client, options.PollersDuringDrop)
            .RunWhileAsync(counter, "during the drop", dropping, cancellation);
    }

    /// <summary>Each phase starts here; phases whose workers stop quietly on a deadline are followed by one, so the report names the phase that ran out.</summary>
    private void Enter(string next, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        phase = next;
        Progress(char.ToUpperInvariant(next[0]) + next[1..]);
    }

    private CancellationTokenSource Deadline(TimeSpan after, string option, CancellationToken interrupt, CancellationToken targetLost)
    {
        deadline = $"{option} ({Durations.Format(after)})";
        var source = CancellationTokenSource.CreateLinkedTokenSource(interrupt, targetLost);
        source.CancelAfter(after);
        return source;
    }

    private ITarget CreateTarget() => options.Start switch
    {
        StartMode.Embedded => new EmbeddedGateway(RequireRepo(), options.ReservationWindow, options.StartTimeout, Path.Combine(outDir, $"drop-{stamp}-gateway.log")),
        StartMode.Durable => new DurableCluster(RequireRepo(), options.ReservationWindow, options.Silos, options.StartTimeout, outDir, $"drop-{stamp}-"),
        _ => new ExternalTarget(options.Url),
    };

    private string RequireRepo() =>
        repo ?? throw new TargetUnavailableException("the Ticketing repository was not found; pass --repo <dir>");

    private static string Label(ITarget target) => target.Kind == "external" ? target.Url.Authority : target.Kind;

    private static IEnumerable<ProcessPeak> OwnPeak() =>
        ProcessMemory.Peak(MarkdownReport.SelfProcess, Environment.ProcessId) is { } self ? [self] : [];

    private void Progress(string message) =>
        Console.Error.WriteLine($"[{sinceStart.Elapsed.TotalSeconds,6:0.0}s] {message}…");
}
