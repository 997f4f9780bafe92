using Ticketing.Events;
using Ticketing.Gateway.Infrastructure;

namespace Ticketing.Gateway.Events;

public sealed record CreateEventRequest(string? Title, decimal? Price, int? Capacity, DateTimeOffset? OnSaleAt, int? MaxPerUser);

public sealed record EventResponse(
    string Id, string Title, decimal Price, int Capacity, int Available, int Sold, DateTime OnSaleAt, int? MaxPerUser, string UserId)
{
    public static EventResponse From(EventView e) => new(
        e.Id, e.Title, e.Price, e.Capacity, e.Available, e.Sold, Wire.Utc(e.OnSaleAt), e.MaxPerUser, e.UserId);
}
