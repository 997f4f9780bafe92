using Ticketing.Gateway.Infrastructure;
using Ticketing.Tickets;

namespace Ticketing.Gateway.Tickets;

public sealed record TicketRequest(string? Title, decimal? Price);

public sealed record TicketResponse(
    string Id, string Title, decimal Price, string UserId, string? OrderId, string? EventId, string Status, int Version)
{
    public static TicketResponse From(TicketView ticket) => new(
        ticket.Id, ticket.Title, ticket.Price, ticket.UserId, ticket.OrderId, ticket.EventId,
        ticket.Status switch
        {
            TicketStatus.Available => "available",
            TicketStatus.Reserved => "reserved",
            _ => "sold",
        },
        ticket.Version);
}

internal static class TicketWire
{
    public static PageResponse<TicketResponse> ToResponse(this Page<TicketView> page) =>
        new(page.Items.Select(TicketResponse.From).ToList(), Cursor.Encode(page.Next));
}
