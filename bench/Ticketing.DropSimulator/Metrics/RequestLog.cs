using Ticketing.DropSimulator.Http;

namespace Ticketing.DropSimulator.Metrics;

/// <summary>
/// What one worker saw: every latency, a count per outcome and the faults' messages. Each worker owns
/// its log, so recording takes no lock; <see cref="RequestStats.Merge"/> combines them after the phase.
/// </summary>
public sealed class RequestLog
{
    private const int MaxErrorKinds = 20;

    internal List<long> Latencies { get; } = [];
    internal List<long> SuccessLatencies { get; } = [];
    internal Dictionary<string, long> Outcomes { get; } = [];
    internal Dictionary<string, long> Errors { get; } = [];

    public void Record<T>(in ApiReply<T> reply)
        where T : class
    {
        Latencies.Add(reply.Latency.Ticks);
        if (reply.IsSuccess)
        {
            SuccessLatencies.Add(reply.Latency.Ticks);
        }

        var label = reply.Label;
        Outcomes[label] = Outcomes.GetValueOrDefault(label) + 1;
        if (reply.Failure != TransportFailure.None || reply.Status >= 500)
        {
            var error = reply.Error is null ? label : $"{label}: {Truncate(reply.Error)}";
            if (Errors.ContainsKey(error) || Errors.Count < MaxErrorKinds)
            {
                Errors[error] = Errors.GetValueOrDefault(error) + 1;
            }
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
