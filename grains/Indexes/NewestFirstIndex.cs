namespace Ticketing.Indexes;

/// <summary>An in-memory ordered set of index positions, newest first, paged by position in O(log n).</summary>
public sealed class NewestFirstIndex
{
    private static readonly Comparer<IndexPosition> NewestFirst = Comparer<IndexPosition>.Create(static (a, b) =>
    {
        var byTime = b.CreatedAt.CompareTo(a.CreatedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(b.Id, a.Id);
    });

    private readonly SortedSet<IndexPosition> positions = new(NewestFirst);

    public int Count => positions.Count;

    public bool Add(IndexPosition position) => positions.Add(position);

    public bool Remove(IndexPosition position) => positions.Remove(position);

    /// <summary>Up to <paramref name="limit"/> positions strictly after <paramref name="after"/>, and where to go on.</summary>
    public Page<IndexPosition> Page(IndexPosition? after, int limit)
    {
        IEnumerable<IndexPosition> rest = positions;
        if (after is not null)
        {
            if (positions.Count == 0 || NewestFirst.Compare(after, positions.Max!) >= 0)
            {
                return new Page<IndexPosition>([], null);
            }

            rest = positions.GetViewBetween(after, positions.Max!).Where(p => NewestFirst.Compare(p, after) > 0);
        }

        var page = rest.Take(limit + 1).ToList();
        if (page.Count <= limit)
        {
            return new Page<IndexPosition>(page, null);
        }

        page.RemoveAt(limit);
        return new Page<IndexPosition>(page, page[^1]);
    }
}
