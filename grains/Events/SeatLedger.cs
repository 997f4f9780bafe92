using Ticketing.Tickets;

namespace Ticketing.Events;

/// <summary>
/// The allocation rules of one event, in memory and free of Orleans so they can be tested alone: which seat goes
/// next, whether a buyer may have another, and the counters derived from the holds. Every operation is O(1).
/// </summary>
public sealed class SeatLedger(int capacity, string organizerId, DateTime onSaleAt, int? maxPerUser)
{
    private readonly Dictionary<string, SeatHold> holds = [];
    private readonly Stack<int> freedSeats = new();
    private readonly Dictionary<string, int> liveOrdersByBuyer = [];

    /// <summary>Seats 1 … NextSeat-1 have been handed out at least once; the rest were never touched.</summary>
    public int NextSeat { get; private set; } = 1;

    public int Sold { get; private set; }

    public int Available => capacity - holds.Count;

    public bool HasUnsoldHolds => holds.Count > Sold;

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

        if (maxPerUser is { } max && liveOrdersByBuyer.GetValueOrDefault(buyerId) >= max)
        {
            return SeatAllocationOutcome.LimitReached;
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
        if (!holds.TryGetValue(orderId, out var hold) || hold.Sold)
        {
            return null;
        }

        Unhold(orderId, hold);
        freedSeats.Push(hold.Seat);
        return hold.Seat;
    }

    public bool MarkSold(string orderId)
    {
        if (!holds.TryGetValue(orderId, out var hold) || hold.Sold)
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
    /// Rebuilds the ledger from what each seat's ticket records, seat by seat from 1 to <paramref name="seatsIssued"/>;
    /// a seat without a hold is free again.
    /// </summary>
    public void Restore(int seatsIssued, IReadOnlyList<SeatHoldRecord?> holdsBySeat)
    {
        for (var seat = seatsIssued; seat >= 1; seat--)
        {
            if (holdsBySeat[seat - 1] is { } record)
            {
                Restore(seat, record);
            }
            else
            {
                freedSeats.Push(seat);
            }
        }

        NextSeat = seatsIssued + 1;
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
