using System.Collections.Immutable;

namespace Ticketing.Users;

/// <summary>Ten failed sign-ins to one account within five minutes lock it until the oldest one ages out.</summary>
public static class SignInThrottle
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>How long the account stays locked, or zero when it may try now.</summary>
    public static TimeSpan LockedFor(ImmutableList<DateTime> failures, DateTime now)
    {
        var recent = Recent(failures, now);
        return recent.Count < MaxFailures ? TimeSpan.Zero : recent[^MaxFailures] + Window - now;
    }

    public static ImmutableList<DateTime> RecordFailure(ImmutableList<DateTime> failures, DateTime now) =>
        Recent(failures, now).Add(now);

    private static ImmutableList<DateTime> Recent(ImmutableList<DateTime> failures, DateTime now) =>
        failures.RemoveAll(at => at <= now - Window);
}
