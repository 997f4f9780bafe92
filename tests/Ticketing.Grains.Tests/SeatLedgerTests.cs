using Ticketing.Events;
using Ticketing.Tickets;

namespace Ticketing.Grains.Tests;

/// <summary>A seat's first hold is known for certain: only a seat no order ever held may skip its ticket's read.</summary>
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
        ledger.Restore(seatsIssued: 2, [new SeatHoldRecord("order-1", "buyer", Until, Sold: false), null]);

        var freedBeforeTheRebuild = ledger.Allocate("order-2", "buyer", Until);
        var neverIssued = ledger.Allocate("order-3", "buyer", Until);

        Assert.Equal([(2, false), (3, true)], new[] { freedBeforeTheRebuild, neverIssued });
    }
}
