using System.Diagnostics;
using Ticketing.DropSimulator.Http;
using Ticketing.DropSimulator.Metrics;

namespace Ticketing.DropSimulator.Phases;

public sealed record SignUpResult(int Requested, int SignedUp, int Concurrency, double Seconds, double PerSecond, RequestStats Requests);

/// <summary>
/// Creates the run's accounts before the clock starts. Each sign-up hashes a password with PBKDF2 on the
/// server, so this is CPU-bound there and done with bounded concurrency; its duration is reported on its own.
/// </summary>
public sealed class SignUpPhase(GatewayClient client, string runId)
{
    public async Task<Buyer?> SignUpOrganizerAsync(RequestLog log, CancellationToken cancellation) =>
        await SignUpAsync($"d{runId}_org", log, cancellation);

    public async Task<(IReadOnlyList<Buyer> Buyers, SignUpResult Result)> SignUpBuyersAsync(int count, int concurrency, CancellationToken cancellation)
    {
        var buyers = new Buyer?[count];
        var started = Stopwatch.GetTimestamp();
        var logs = await Workers.ForEachAsync(count, concurrency, async (i, log) =>
            buyers[i] = await SignUpAsync($"d{runId}_{i}", log, cancellation));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var signedUp = buyers.OfType<Buyer>().ToList();
        var perSecond = seconds > 0 ? signedUp.Count / seconds : 0;
        return (signedUp, new SignUpResult(count, signedUp.Count, concurrency, seconds, perSecond, RequestStats.Merge(logs)));
    }

    private async Task<Buyer?> SignUpAsync(string username, RequestLog log, CancellationToken cancellation)
    {
        var password = $"drop-{runId}-password";
        var request = new SignUpRequest($"{username}@example.com", username, password);
        var reply = await Retry.UntilDefinitiveAsync(
            () => client.PostAsync("/api/users/signup", request, ApiJson.Default.SignUpRequest, null, ApiJson.Default.AuthDto, cancellation),
            log,
            cancellation);
        if (reply is { Status: 409, Code: "email_taken" or "username_taken" })
        {
            // The names are this run's own: an attempt that timed out here succeeded there, so sign in instead.
            var signIn = new SignInRequest(username, password);
            reply = await Retry.UntilDefinitiveAsync(
                () => client.PostAsync("/api/users/signin", signIn, ApiJson.Default.SignInRequest, null, ApiJson.Default.AuthDto, cancellation),
                log,
                cancellation);
        }

        return reply.Value is { } auth ? new Buyer(auth.User.Id, auth.User.Username, "Bearer " + auth.Token) : null;
    }
}
