namespace Ticketing.Events;

/// <summary><c>Ticketing:Events</c>: how an event's new activation rebuilds its seat ledger.</summary>
public sealed class EventOptions
{
    public const string Section = "Ticketing:Events";

    /// <summary>
    /// How long a new activation waits for its seats' tickets before it answers calls. A small event is whole again
    /// within it; a larger one (on two cores a sold-out 10,000-seat event takes seconds, 100,000 seats half a minute)
    /// answers from then on while it finishes, counting the seats not yet known as taken and asking new buyers to retry.
    /// </summary>
    public TimeSpan LedgerRecallWait { get; set; } = TimeSpan.FromSeconds(1);
}
