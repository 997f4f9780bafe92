namespace Ticketing.DropSimulator.Phases;

/// <summary>
/// Hands buyers to the drop's workers: worker <c>w</c> starts as buyer <c>w mod n</c> (distinct buyers while
/// there are enough); a buyer that reached the event's per-user limit is retired and its worker moves on.
/// </summary>
public sealed class BuyerPool(IReadOnlyList<Buyer> buyers, int workers)
{
    private readonly int[] retired = new int[buyers.Count];
    private int cursor = Math.Min(workers, buyers.Count) - 1;

    public Buyer this[int slot] => buyers[slot];

    public int FirstSlot(int worker) => worker % buyers.Count;

    public void Retire(int slot) => Volatile.Write(ref retired[slot], 1);

    /// <summary>The next buyer still under the limit, or null when every one of them has reached it.</summary>
    public int? NextSlot()
    {
        for (var tried = 0; tried < buyers.Count; tried++)
        {
            var slot = (int)((uint)Interlocked.Increment(ref cursor) % (uint)buyers.Count);
            if (Volatile.Read(ref retired[slot]) == 0)
            {
                return slot;
            }
        }

        return null;
    }
}
