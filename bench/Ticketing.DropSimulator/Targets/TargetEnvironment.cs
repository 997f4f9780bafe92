using System.Globalization;

namespace Ticketing.DropSimulator.Targets;

/// <summary>
/// The environment a started target runs with. The gateway's default rate limit (100 requests/s per user,
/// per IP when signed out, bursts of 200) exists for normal use and would throttle a drop from one
/// machine, so it is raised out of the way; logging drops to warnings so the console costs nothing.
/// </summary>
public static class TargetEnvironment
{
    public const string Unlimited = "1000000";

    public static Dictionary<string, string> For(TimeSpan? reservationWindow)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Ticketing__RateLimits__TokensPerSecond"] = Unlimited,
            ["Ticketing__RateLimits__Burst"] = Unlimited,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (reservationWindow is { } window)
        {
            settings["Ticketing__Orders__ReservationWindow"] = window.ToString("c", CultureInfo.InvariantCulture);
        }

        return settings;
    }
}
