using Ticketing.Events;
using Ticketing.Tickets;

namespace Ticketing.Grains.Tests;

/// <summary>
/// A seat's first hold is known for certain: only a seat no order ever held may skip its ticket's read. While a new
/// activation recalls its seats from their tickets, the counters never show a seat free that may not be, no seat is
/// handed out, and what orders report meanwhile is not lost.
/// </summary>
public sealed class SeatLedgerTests
{
    private static readonly DateTime OnSale = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Until = OnSale.AddMinutes(15);

    [Fact]
    public void NeverTouchedSeatsAreFirstHoldsAndAFreedSeatTakenAgainIsNot()
    {
        var ledger = new SeatLedger(capacity: 3, organizerId: "organizer", OnSale, maxPerUser: null);

        var first = ledger.Allocate("order-1", "buyer", Until);
        var second = ledger.Allocate("order-2", "buyer", Until);
        ledger.Release("order-1");
        var again = ledger.Allocate("order-3", "buyer", Until);

        Assert.Equal([(1, true), (2, true), (1, false)], new[] { first, second, again });
    }

    [Fact]
    public void AfterARebuildEverySeatIssuedBeforeIsNoFirstHold()
    {
        var ledger = new SeatLedger(capacity: 4, organizerId: "organizer", OnSale, maxPerUser: null);
        ledger.BeginRecall(seatsIssued: 2);
        ledger.Recall(1, Held("order-1"));
        ledger.Recall(2, null);

        var freedBeforeTheRebuild = ledger.Allocate("order-2", "buyer", Until);
        var neverIssued = ledger.Allocate("order-3", "buyer", Until);

        Assert.Equal([(2, false), (3, true)], new[] { freedBeforeTheRebuild, neverIssued });
    }

    [Fact]
    public void SeatsNotRecalledYetCountAsTakenAndNoneIsHandedOutUntilAllAre()
    {
        var ledger = new SeatLedger(capacity: 5, organizerId: "organizer", OnSale, maxPerUser: null);
        ledger.BeginRecall(seatsIssued: 3);

        var before = (ledger.Available, ledger.Sold, ledger.CanAllocate("buyer", OnSale));
        ledger.Recall(1, Held("order-1"));
        ledger.Recall(2, null);
        var midway = (ledger.Available, ledger.Sold, ledger.CanAllocate("buyer", OnSale));
        ledger.Recall(3, Held("order-3") with { Sold = true });
        var after = (ledger.Available, ledger.Sold, ledger.CanAllocate("buyer", OnSale));

        Assert.Equal((2, 0, SeatAllocationOutcome.Recovering), before);
        Assert.Equal((3, 0, SeatAllocationOutcome.Recovering), midway);
        Assert.Equal((3, 1, SeatAllocationOutcome.Allocated), after);
        Assert.False(ledger.IsRecalling);
    }

    [Fact]
    public void AReleaseOrSaleReportedBeforeItsTicketIsRecalledIsKept()
    {
        var ledger = new SeatLedger(capacity: 2, organizerId: "organizer", OnSale, maxPerUser: null);
        ledger.BeginRecall(seatsIssued: 2);

        // Both tickets answered before their orders let go and paid; the answers arrive after the orders' reports.
        var released = ledger.Release("order-1");
        var sold = ledger.MarkSold("order-2");
        ledger.Recall(1, Held("order-1"));
        ledger.Recall(2, Held("order-2"));

        Assert.Equal((null, false), (released, sold));
        Assert.Equal((1, 1), (ledger.Available, ledger.Sold));
        Assert.Null(ledger.SeatOf("order-1"));
        Assert.Equal((1, false), ledger.Allocate("order-3", "buyer", Until));
    }

    [Fact]
    public void WhileRecallingOnlyCertainRefusalsAreGiven()
    {
        var ledger = new SeatLedger(capacity: 3, organizerId: "organizer", OnSale, maxPerUser: 1);
        ledger.BeginRecall(seatsIssued: 2);
        ledger.Recall(1, Held("order-1", buyerId: "at-limit"));

        Assert.Equal(SeatAllocationOutcome.LimitReached, ledger.CanAllocate("at-limit", OnSale));
        Assert.Equal(SeatAllocationOutcome.OwnTicket, ledger.CanAllocate("organizer", OnSale));
        Assert.Equal(SeatAllocationOutcome.NotOnSale, ledger.CanAllocate("buyer", OnSale.AddSeconds(-1)));
        Assert.Equal(SeatAllocationOutcome.Recovering, ledger.CanAllocate("buyer", OnSale));
    }

    private static SeatHoldRecord Held(string orderId, string buyerId = "buyer") => new(orderId, buyerId, Until, Sold: false);
}
