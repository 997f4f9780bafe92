using Ticketing.Gateway.Infrastructure;
using Ticketing.Orders;

namespace Ticketing.Gateway.Orders;

/// <summary>Exactly one of <c>ticketId</c> or <c>eventId</c>.</summary>
public sealed record CreateOrderRequest(string? TicketId, string? EventId);

public sealed record OrderTicketResponse(string Id, string Title, decimal Price);

public sealed record OrderResponse(
    string Id, string UserId, string Status, DateTime ExpiresAt, OrderTicketResponse Ticket, string? EventId, string? CancelReason)
{
    public static OrderResponse From(OrderView order) => new(
        order.Id,
        order.UserId,
        order.Status switch
        {
            OrderStatus.Created => "created",
            OrderStatus.AwaitingPayment => "awaiting:payment",
            OrderStatus.Complete => "complete",
            _ => "cancelled",
        },
        Wire.Utc(order.ExpiresAt),
        new OrderTicketResponse(order.Ticket.Id, order.Ticket.Title, order.Ticket.Price),
        order.EventId,
        order.CancelReason switch
        {
            Ticketing.Orders.CancelReason.User => "user",
            Ticketing.Orders.CancelReason.Expired => "expired",
            _ => null,
        });
}
