using System.Globalization;

namespace Ticketing.DropSimulator.Options;

/// <summary>The outcome of reading the command line: options, a request for help, or an error to print.</summary>
public sealed record ParseResult(DropOptions? Options, bool HelpRequested, string? Error);

/// <summary>Reads <c>--name value</c> pairs by hand; every value is checked before anything runs.</summary>
public static class OptionsParser
{
    public static ParseResult Parse(IReadOnlyList<string> args)
    {
        var options = new DropOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help" or "-?")
            {
                return new ParseResult(null, true, null);
            }

            string? error;
            if (name is "--allow-remote" or "--await-expiry")
            {
                options = name == "--allow-remote" ? options with { AllowRemote = true } : options with { AwaitExpiry = true };
                continue;
            }

            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                return Fail($"unexpected argument '{name}'");
            }

            if (i + 1 >= args.Count)
            {
                return Fail($"{name} needs a value");
            }

            var value = args[++i];
            (options, error) = Apply(options, name, value);
            if (error is not null)
            {
                return Fail(error);
            }
        }

        var invalid = Validate(options);
        return invalid is null ? new ParseResult(options, false, null) : Fail(invalid);
    }

    private static (DropOptions, string?) Apply(DropOptions o, string name, string value) => name switch
    {
        "--url" => Uri.TryCreate(value, UriKind.Absolute, out var url)
            ? (o with { Url = url, UrlGiven = true }, null)
            : (o, $"--url: '{value}' is not an absolute URL"),
        "--start" => value.ToLowerInvariant() switch
        {
            "embedded" => (o with { Start = StartMode.Embedded }, null),
            "durable" => (o with { Start = StartMode.Durable }, null),
            "none" => (o with { Start = StartMode.None }, null),
            _ => (o, $"--start: '{value}' is not embedded, durable or none"),
        },
        "--repo" => (o with { Repo = value }, null),
        "--out" => (o with { OutDir = value }, null),
        "--label" => (o with { Label = value }, null),
        "--silos" => Int(o, name, value, 1, 9, v => o with { Silos = v }),
        "--buyers" => Int(o, name, value, 1, 1_000_000, v => o with { Buyers = v }),
        "--signup-concurrency" => Int(o, name, value, 1, 1024, v => o with { SignUpConcurrency = v }),
        "--capacity" => Int(o, name, value, 1, 100_000, v => o with { Capacity = v }),
        "--max-per-user" => Int(o, name, value, 1, 100_000, v => o with { MaxPerUser = v }),
        "--concurrency" => Int(o, name, value, 1, 10_000, v => o with { Concurrency = v }),
        "--warmup-seats" => Int(o, name, value, 1, 100_000, v => o with { WarmUpSeats = v }),
        "--poll-during-drop" => Int(o, name, value, 0, 10_000, v => o with { PollersDuringDrop = v }),
        "--watchers" => Int(o, name, value, 0, 10_000, v => o with { Watchers = v }),
        "--max-requests" => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max >= 1
            ? (o with { MaxRequests = max }, null)
            : (o, $"{name}: '{value}' is not a positive whole number"),
        "--price" => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) && price is > 0 and <= 1_000_000
            ? (o with { Price = price }, null)
            : (o, $"{name}: '{value}' is not a price between 0 and 1,000,000"),
        "--pay-share" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1
            ? (o with { PayShare = share }, null)
            : (o, $"{name}: '{value}' is not a number from 0 to 1"),
        "--on-sale-in" => Duration(o, name, value, v => o with { OnSaleIn = v }),
        "--reservation-window" => Duration(o, name, value, v => o with { ReservationWindow = v }),
        "--start-timeout" => Duration(o, name, value, v => o with { StartTimeout = v }),
        "--ceiling-seconds" => Duration(o, name, value, v => o with { CeilingDuration = v }),
        "--poll-seconds" => Duration(o, name, value, v => o with { PollDuration = v }),
        "--request-timeout" => Duration(o, name, value, v => o with { RequestTimeout = v }),
        "--max-signup-duration" => Duration(o, name, value, v => o with { MaxSignUpDuration = v }),
        "--max-duration" => Duration(o, name, value, v => o with { MaxDuration = v }),
        "--warmup" => Duration(o, name, value, v => o with { WarmUp = v }),
        _ => (o, $"unknown option {name} (see --help)"),
    };

    private static string? Validate(DropOptions o)
    {
        if (TargetGuard.Refusal(o.Url, o.AllowRemote) is { } refusal)
        {
            return refusal;
        }

        if (o.Start == StartMode.Embedded && o.UrlGiven)
        {
            return "--start embedded picks its own free loopback port; leave out --url";
        }

        if (o.Start == StartMode.Durable && o.UrlGiven && o.Url != DropOptions.DefaultUrl)
        {
            return "--start durable serves the gateway at http://localhost:5080 (scripts/cluster-up.sh); leave out --url";
        }

        if (o.ReservationWindow is not null && o.Start == StartMode.None)
        {
            return "--reservation-window configures a target this tool starts; pass --start, or configure your gateway";
        }

        if (o.Silos is not null && o.Start != StartMode.Durable)
        {
            return "--silos sizes the cluster --start durable starts; pass --start durable";
        }

        if (o.OnSaleIn is { } onSaleIn && onSaleIn <= o.PollDuration + TimeSpan.FromSeconds(1))
        {
            return "--on-sale-in must exceed --poll-seconds by at least 1s: the counter is polled while buyers wait";
        }

        if (o.RequestTimeout <= TimeSpan.Zero || o.MaxDuration <= TimeSpan.Zero || o.StartTimeout <= TimeSpan.Zero || o.MaxSignUpDuration <= TimeSpan.Zero)
        {
            return "--request-timeout, --max-duration, --max-signup-duration and --start-timeout must be positive";
        }

        return null;
    }

    private static (DropOptions, string?) Int(DropOptions o, string name, string value, int min, int max, Func<int, DropOptions> set) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? (set(v), null)
            : (o, $"{name}: '{value}' is not a whole number from {min:N0} to {max:N0}");

    private static (DropOptions, string?) Duration(DropOptions o, string name, string value, Func<TimeSpan, DropOptions> set) =>
        Durations.TryParse(value, out var v)
            ? (set(v), null)
            : (o, $"{name}: '{value}' is not a duration (e.g. 500ms, 10s, 2m)");

    private static ParseResult Fail(string error) => new(null, false, error);
}
