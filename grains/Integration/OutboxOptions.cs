namespace Ticketing.Integration;

/// <summary><c>Ticketing:Outbox</c>: when a grain writes away the integration events it has delivered.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Ticketing:Outbox";

    /// <summary>
    /// The clean-up delay of in-memory storage, whose writes are copies in memory and whose memory is scarce: at once,
    /// so a resting grain leaves memory while its objects are still young and cheap for the garbage collector.
    /// </summary>
    public static readonly TimeSpan InMemoryCleanUpAfter = TimeSpan.Zero;

    /// <summary>
    /// How long a delivered event may stay in the grain's stored state, hoping the grain's next change carries its
    /// removal, before the grain writes the removal on its own. On PostgreSQL it is long enough that a drop's burst of
    /// reservations is not followed by as many clean-up writes while it is still selling (with 30 s they were two of
    /// every five grain-state writes of a 5,000-seat durable drop), and inside JetStream's two-minute duplicate window,
    /// so an event published again after a crash is dropped there (consumers deduplicate by version and id anyway).
    /// Tickets and orders that then only wait for a deadline or for their owner leave memory right after this
    /// clean-up (they rest), so it is also how long such a grain stays in memory after its last change.
    /// </summary>
    public TimeSpan CleanUpAfter { get; set; } = TimeSpan.FromSeconds(90);
}
