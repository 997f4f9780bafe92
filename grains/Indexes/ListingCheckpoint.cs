namespace Ticketing.Indexes;

/// <summary>
/// A mark a catalog puts on its own listing stream before it answers a read. When the mark comes back, everything
/// published on that stream before it has been applied, so the read sees every change whose publish had completed
/// when the read began. Not a domain event: it never leaves the listing stream.
/// </summary>
[GenerateSerializer, Immutable, Alias("ticketing.listing-checkpoint")]
public sealed record ListingCheckpoint([property: Id(0)] string Id);
