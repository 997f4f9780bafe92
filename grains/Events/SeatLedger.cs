namespace Ticketing.Events;

/// <summary>
/// The allocation rules of one event over its state, free of Orleans so they can be tested alone: which seat
/// goes next, whether a buyer may have another, and the counters derived from the holds.
/// </summary>
public sealed class SeatLedger
{
    private readonly EventState state;
    private readonly Dictionary<string, int> liveOrdersByBuyer = [];

    public SeatLedger(EventState state)
    {
        this.state = state;
        foreach (var hold in state.Holds.Values)
        {
            CountFor(hold.BuyerId, +1);
            Sold += hold.Sold ? 1 : 0;
        }
    }

    public int Sold { get; private set; }

    public int Available => state.Capacity - state.Holds.Count;

    public SeatAllocationOutcome CanAllocate(string buyerId, DateTime now)
    {
        if (buyerId == state.OrganizerId)
        {
            return SeatAllocationOutcome.OwnTicket;
        }

        if (now < state.OnSaleAt)
        {
            return SeatAllocationOutcome.NotOnSale;
        }

        if (state.MaxPerUser is { } max && liveOrdersByBuyer.GetValueOrDefault(buyerId) >= max)
        {
            return SeatAllocationOutcome.LimitReached;
        }

        return Available > 0 ? SeatAllocationOutcome.Allocated : SeatAllocationOutcome.SoldOut;
    }

    /// <summary>Holds a seat for the order: a freed one first, else the next never-touched one.</summary>
    public int Allocate(string orderId, string buyerId, DateTime expiresAt)
    {
        int seat;
        if (state.FreedSeats.Count > 0)
        {
            seat = state.FreedSeats[^1];
            state.FreedSeats.RemoveAt(state.FreedSeats.Count - 1);
        }
        else
        {
            seat = state.NextSeat++;
        }

        state.Holds[orderId] = new SeatHold(seat, buyerId, expiresAt, Sold: false);
        CountFor(buyerId, +1);
        return seat;
    }

    /// <summary>Gives an unsold seat back; the seat, or null when the order holds none.</summary>
    public int? Release(string orderId)
    {
        if (!state.Holds.TryGetValue(orderId, out var hold) || hold.Sold)
        {
            return null;
        }

        state.Holds.Remove(orderId);
        state.FreedSeats.Add(hold.Seat);
        CountFor(hold.BuyerId, -1);
        return hold.Seat;
    }

    public bool MarkSold(string orderId)
    {
        if (!state.Holds.TryGetValue(orderId, out var hold) || hold.Sold)
        {
            return false;
        }

        state.Holds[orderId] = hold with { Sold = true };
        Sold++;
        return true;
    }

    /// <summary>Unsold holds whose orders should have expired by <paramref name="cutoff"/>.</summary>
    public IEnumerable<string> StaleHolds(DateTime cutoff) =>
        state.Holds.Where(h => !h.Value.Sold && h.Value.ExpiresAt < cutoff).Select(h => h.Key);

    public bool HasUnsoldHolds => state.Holds.Count > Sold;

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
