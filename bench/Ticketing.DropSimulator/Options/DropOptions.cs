namespace Ticketing.DropSimulator.Options;

/// <summary>How the simulator reaches its target.</summary>
public enum StartMode
{
    /// <summary>Target an already running gateway at <see cref="DropOptions.Url"/>.</summary>
    None,

    /// <summary>Run the built embedded gateway (in-memory, co-hosted silo) on a free loopback port.</summary>
    Embedded,

    /// <summary>Run <c>scripts/cluster-up.sh</c> (PostgreSQL, three silos, a client-mode gateway).</summary>
    Durable,
}

/// <summary>Everything one run is told on its command line; defaults are the drop shape.</summary>
public sealed record DropOptions
{
    public static readonly Uri DefaultUrl = new("http://localhost:5080");

    public Uri Url { get; init; } = DefaultUrl;
    public bool UrlGiven { get; init; }
    public bool AllowRemote { get; init; }
    public StartMode Start { get; init; } = StartMode.None;
    public string? Repo { get; init; }
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan? ReservationWindow { get; init; }
    public int? Silos { get; init; }

    public int Buyers { get; init; } = 1000;
    public int SignUpConcurrency { get; init; } = 16;
    public TimeSpan MaxSignUpDuration { get; init; } = TimeSpan.FromMinutes(10);
    public int Capacity { get; init; } = 10_000;
    public decimal Price { get; init; } = 25m;
    public int? MaxPerUser { get; init; }
    public TimeSpan? OnSaleIn { get; init; }
    public int Concurrency { get; init; } = 256;
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(20);
    public int WarmUpSeats { get; init; } = 1000;
    public double PayShare { get; init; }
    public bool AwaitExpiry { get; init; }

    public TimeSpan CeilingDuration { get; init; } = TimeSpan.FromSeconds(3);
    public TimeSpan PollDuration { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Connections that poll the event's counter throughout the drop, next to the buyers (0: none).</summary>
    public int PollersDuringDrop { get; init; }

    /// <summary>Buyers that watch the event's live feed (Server-Sent Events) from before the drop to its sell-out (0: none).</summary>
    public int Watchers { get; init; }
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromSeconds(120);
    public long MaxRequests { get; init; } = 1_000_000;

    public string? OutDir { get; init; }
    public string? Label { get; init; }
}
