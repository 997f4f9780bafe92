using Ticketing.Tickets;

namespace Ticketing.Events;

/// <summary>
/// The allocation rules of one event, in memory and free of Orleans so they can be tested alone: which seat goes
/// next, whether a buyer may have another, and the counters derived from the holds. Every operation is O(1).
/// <para>
/// A new activation recalls the seats handed out before it from their tickets (<see cref="BeginRecall"/>,
/// <see cref="Recall"/>) while it already answers: a seat whose ticket has not answered yet counts as taken, so the
/// counters never show a seat free that may not be, and no seat is allocated until every seat is known again.
/// </para>
/// </summary>
public sealed class SeatLedger(int capacity, string organizerId, DateTime onSaleAt, int? maxPerUser)
{
    private readonly Dictionary<string, SeatHold> holds = [];
    private readonly Stack<int> freedSeats = new();
    private readonly Dictionary<string, int> liveOrdersByBuyer = [];

    // Seats handed out before this activation whose tickets have not answered yet, and what their orders did
    // meanwhile (a ticket's answer may predate the release or sale its order reports here).
    private int seatsToRecall;
    private HashSet<string>? releasedWhileRecalling;
    private HashSet<string>? soldWhileRecalling;

    /// <summary>Seats 1 … NextSeat-1 have been handed out at least once; the rest were never touched.</summary>
    public int NextSeat { get; private set; } = 1;

    public int Sold { get; private set; }

    public int Available => capacity - holds.Count - seatsToRecall;

    public bool HasUnsoldHolds => holds.Count > Sold;

    /// <summary>Some seats handed out before this activation are not known again yet.</summary>
    public bool IsRecalling => seatsToRecall > 0;

    public SeatAllocationOutcome CanAllocate(string buyerId, DateTime now)
    {
        if (buyerId == organizerId)
        {
            return SeatAllocationOutcome.OwnTicket;
        }

        if (now < onSaleAt)
        {
            return SeatAllocationOutcome.NotOnSale;
        }

        // While recalling, a buyer's known holds are a lower bound of the real ones: reaching the limit is certain.
        if (maxPerUser is { } max && liveOrdersByBuyer.GetValueOrDefault(buyerId) >= max)
        {
            return SeatAllocationOutcome.LimitReached;
        }

        if (IsRecalling)
        {
            return SeatAllocationOutcome.Recovering;
        }

        return Available > 0 ? SeatAllocationOutcome.Allocated : SeatAllocationOutcome.SoldOut;
    }

    /// <summary>The seat the next allocation would take: a freed one first, else the next never-touched one.</summary>
    public int PeekSeat() => freedSeats.TryPeek(out var seat) ? seat : NextSeat;

    /// <summary>
    /// Holds a seat for the order: a freed one first, else the next never-touched one (<c>FirstHold</c>: no order
    /// held it before, in this activation or any earlier one, since seats are issued to storage ahead of use).
    /// </summary>
    public (int Seat, bool FirstHold) Allocate(string orderId, string buyerId, DateTime expiresAt)
    {
        var firstHold = freedSeats.Count == 0;
        var seat = firstHold ? NextSeat++ : freedSeats.Pop();
        Hold(orderId, new SeatHold(seat, buyerId, expiresAt, Sold: false));
        return (seat, firstHold);
    }

    /// <summary>Gives an unsold seat back; the seat, or null when the order holds none.</summary>
    public int? Release(string orderId)
    {
        if (!holds.TryGetValue(orderId, out var hold))
        {
            releasedWhileRecalling?.Add(orderId);
            return null;
        }

        if (hold.Sold)
        {
            return null;
        }

        Unhold(orderId, hold);
        freedSeats.Push(hold.Seat);
        return hold.Seat;
    }

    public bool MarkSold(string orderId)
    {
        if (!holds.TryGetValue(orderId, out var hold))
        {
            soldWhileRecalling?.Add(orderId);
            return false;
        }

        if (hold.Sold)
        {
            return false;
        }

        holds[orderId] = hold with { Sold = true };
        Sold++;
        return true;
    }

    /// <summary>
    /// The order's seat turned out to be held by another order (its ticket says so): the order lets go of it and
    /// the seat stays taken, now under its real holder, until that holder lets go.
    /// </summary>
    public void HandOver(string orderId, SeatHoldRecord holder)
    {
        if (holds.TryGetValue(orderId, out var hold) && !hold.Sold)
        {
            Unhold(orderId, hold);
            Restore(hold.Seat, holder);
        }
    }

    /// <summary>
    /// Starts rebuilding the ledger of a new activation: seats 1 … <paramref name="seatsIssued"/> may be held, and each
    /// counts as taken until its ticket's answer is <see cref="Recall">recalled</see>; the seats after them were never
    /// touched.
    /// </summary>
    public void BeginRecall(int seatsIssued)
    {
        NextSeat = seatsIssued + 1;
        seatsToRecall = seatsIssued;
        releasedWhileRecalling = seatsIssued > 0 ? [] : null;
        soldWhileRecalling = seatsIssued > 0 ? [] : null;
    }

    /// <summary>
    /// What a seat's ticket records, asked after <see cref="BeginRecall"/>: its hold, or free when it has none (or its
    /// order let go of it since the ticket answered). Once every seat is recalled, the ledger is whole again.
    /// </summary>
    public void Recall(int seat, SeatHoldRecord? record)
    {
        seatsToRecall--;
        if (record is not null && !releasedWhileRecalling!.Contains(record.OrderId))
        {
            Restore(seat, soldWhileRecalling!.Contains(record.OrderId) ? record with { Sold = true } : record);
        }
        else
        {
            freedSeats.Push(seat);
        }

        if (seatsToRecall == 0)
        {
            releasedWhileRecalling = null;
            soldWhileRecalling = null;
        }
    }

    public int? SeatOf(string orderId) => holds.TryGetValue(orderId, out var hold) ? hold.Seat : null;

    /// <summary>Unsold holds whose orders should have expired by <paramref name="cutoff"/>.</summary>
    public IEnumerable<(string OrderId, int Seat)> StaleHolds(DateTime cutoff) =>
        holds.Where(h => !h.Value.Sold && h.Value.ExpiresAt < cutoff).Select(h => (h.Key, h.Value.Seat));

    private void Restore(int seat, SeatHoldRecord record)
    {
        if (holds.ContainsKey(record.OrderId))
        {
            return;
        }

        Hold(record.OrderId, new SeatHold(seat, record.BuyerId, record.ExpiresAt, record.Sold));
        Sold += record.Sold ? 1 : 0;
    }

    private void Hold(string orderId, SeatHold hold)
    {
        holds[orderId] = hold;
        CountFor(hold.BuyerId, +1);
    }

    private void Unhold(string orderId, SeatHold hold)
    {
        holds.Remove(orderId);
        CountFor(hold.BuyerId, -1);
    }

    private void CountFor(string buyerId, int delta)
    {
        var count = liveOrdersByBuyer.GetValueOrDefault(buyerId) + delta;
        if (count == 0)
        {
            liveOrdersByBuyer.Remove(buyerId);
        }
        else
        {
            liveOrdersByBuyer[buyerId] = count;
        }
    }
}
