using Ticketing.Tickets;

namespace Ticketing.Events;

public enum SeatAllocationOutcome
{
    Allocated,
    NotFound,
    NotOnSale,
    SoldOut,
    LimitReached,
    OwnTicket,

    /// <summary>The event is rebuilding its ledger after a new activation and cannot tell yet; ask again shortly.</summary>
    Recovering,
}

[GenerateSerializer, Immutable, Alias("ticketing.seat-allocation-result")]
public sealed record SeatAllocationResult(
    [property: Id(0)] SeatAllocationOutcome Outcome,
    [property: Id(1)] SeatTemplate? Seat,
    [property: Id(2)] bool FirstHold = false)
{
    /// <param name="seat">The seat now held for the order.</param>
    /// <param name="firstHold">No order ever held this seat before, so its ticket has nothing stored yet.</param>
    public static SeatAllocationResult Allocated(SeatTemplate seat, bool firstHold) => new(SeatAllocationOutcome.Allocated, seat, firstHold);
    public static readonly SeatAllocationResult NotFound = new(SeatAllocationOutcome.NotFound, null);
    public static readonly SeatAllocationResult NotOnSale = new(SeatAllocationOutcome.NotOnSale, null);
    public static readonly SeatAllocationResult SoldOut = new(SeatAllocationOutcome.SoldOut, null);
    public static readonly SeatAllocationResult LimitReached = new(SeatAllocationOutcome.LimitReached, null);
    public static readonly SeatAllocationResult OwnTicket = new(SeatAllocationOutcome.OwnTicket, null);
}
