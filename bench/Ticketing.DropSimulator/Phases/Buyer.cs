namespace Ticketing.DropSimulator.Phases;

/// <summary>A signed-up account and the header it authenticates with.</summary>
public sealed record Buyer(string UserId, string Username, string Bearer);
