namespace Ticketing.Orders;

/// <summary>The index behind <c>GET /api/orders</c>: one buyer's order ids, newest first. Keyed by user id.</summary>
public interface IUserOrdersGrain : IGrainWithStringKey
{
    /// <summary>Adds an order to the buyer's index (idempotent).</summary>
    Task AddAsync(IndexPosition entry);

    /// <summary>A page of the buyer's order ids older than <paramref name="after"/>.</summary>
    Task<Page<IndexPosition>> ListAsync(IndexPosition? after, int limit);
}
