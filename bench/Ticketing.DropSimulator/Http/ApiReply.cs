namespace Ticketing.DropSimulator.Http;

/// <summary>Why a request got no HTTP answer.</summary>
public enum TransportFailure
{
    None,

    /// <summary>No answer within <c>--request-timeout</c>.</summary>
    Timeout,

    /// <summary>The connection failed or broke (refused, reset, closed mid-answer).</summary>
    Transport,

    /// <summary>An answer arrived but its body was not the JSON the contract promises.</summary>
    BadBody,
}

/// <summary>One request's answer: its status and problem code, the parsed body on success, and how long it took.</summary>
public readonly record struct ApiReply<T>(
    int Status, string? Code, T? Value, TimeSpan Latency, TransportFailure Failure, string? Error, TimeSpan? RetryAfter)
    where T : class
{
    public bool IsSuccess => Failure == TransportFailure.None && Status is >= 200 and < 300;

    /// <summary>How the outcome is counted: <c>201</c>, <c>409 sold_out</c>, <c>503 storage_unavailable</c>, <c>timeout</c>…</summary>
    public string Label => Failure switch
    {
        TransportFailure.Timeout => "timeout",
        TransportFailure.Transport => "transport error",
        TransportFailure.BadBody => $"{Status} unreadable body",
        _ when Code is not null => $"{Status} {Code}",
        _ => $"{Status}",
    };

    /// <summary>Worth trying again: throttled, a server fault or no answer at all.</summary>
    public bool IsRetryable => Failure is TransportFailure.Timeout or TransportFailure.Transport || Status is 429 or >= 500;
}
