using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Common;
using Ticketing.Gateway.Auth;
using Ticketing.Gateway.Infrastructure;
using Ticketing.Orders;

namespace Ticketing.Gateway.Orders;

public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization().CheckContentTypeAfterAuth();
        group.MapPost("/", Create);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapDelete("/{id}", Cancel);
        return group;
    }

    public static async Task<Results<Created<OrderResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateOrderRequest request, IGrainFactory grains, HttpContext context)
    {
        if ((request.TicketId is null) == (request.EventId is null))
        {
            return Problems.Validation("body", "Send exactly one of ticketId or eventId.");
        }

        if (request.TicketId is "" || request.EventId is "")
        {
            return Problems.Validation(request.TicketId is "" ? "ticketId" : "eventId", "The id may not be empty.");
        }

        if (request.TicketId is { } ticketId && !Ids.IsWellFormedTicketId(ticketId))
        {
            return Problems.NotFound("ticket_not_found", "There is no such ticket.");
        }

        if (request.EventId is { } eventId && !Ids.IsWellFormed(eventId))
        {
            return Problems.NotFound("event_not_found", "There is no such event.");
        }

        var (key, keyError) = IdempotencyKey.Read(context.Request.Headers);
        if (keyError is not null)
        {
            return Problems.Validation(IdempotencyKey.Header, keyError);
        }

        var buyer = context.User.UserIdOf();
        var orderId = key is null ? Ids.New() : IdempotencyKey.OrderIdFor(buyer, key);
        var order = grains.Reference<IOrderGrain>(orderId);
        var command = new PlaceOrder(buyer, request.TicketId, request.EventId);
        OrderPlacementResult result;

        // A made-up id names a grain that cannot have state yet; a key's id may name an order placed by an earlier
        // attempt, so that one is read, never started empty.
        using (key is null ? BrandNewGrain.Announce(order) : default)
        {
            result = await order.PlaceAsync(command);
        }

        return result.Outcome switch
        {
            OrderPlacementOutcome.Placed => TypedResults.Created($"/api/orders/{orderId}", OrderResponse.From(result.Order!)),
            OrderPlacementOutcome.TicketNotFound => Problems.NotFound("ticket_not_found", "There is no such ticket."),
            OrderPlacementOutcome.EventNotFound => Problems.NotFound("event_not_found", "There is no such event."),
            OrderPlacementOutcome.OwnTicket => Problems.Conflict("own_ticket", "You cannot order your own ticket."),
            OrderPlacementOutcome.EventTicket => Problems.Conflict("event_ticket", "This ticket belongs to an event; order it with eventId."),
            OrderPlacementOutcome.NotOnSale => Problems.Conflict("not_on_sale", "This event is not on sale yet."),
            OrderPlacementOutcome.SoldOut => Problems.Conflict("sold_out", "This event is sold out."),
            OrderPlacementOutcome.LimitReached => Problems.Conflict("limit_reached", "You already hold as many tickets of this event as one buyer may."),
            OrderPlacementOutcome.IdTakenByAnotherOrder => Problems.Of(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
                "This Idempotency-Key was already used for a different order; send a new key for a new order."),
            OrderPlacementOutcome.EventRecovering => Problems.RetryShortly(
                context, "event_recovering", "This event is recounting its seats after a restart; nothing was reserved. Please retry in a moment."),
            _ => Problems.Conflict("ticket_reserved", "The ticket is reserved or sold."),
        };
    }

    /// <summary>The caller's orders, newest first (paged like the other listings).</summary>
    public static async Task<Results<Ok<PageResponse<OrderResponse>>, ValidationProblem>> List(
        string? limit, string? cursor, IGrainFactory grains, HttpContext context)
    {
        var errors = new FieldErrors();
        var (pageSize, after) = Cursor.Read(limit, cursor, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var userId = context.User.UserIdOf();
        var page = await grains.GetGrain<IUserOrdersGrain>(userId).ListAsync(after, pageSize);
        var orders = await Task.WhenAll(page.Items.Select(p => grains.GetGrain<IOrderGrain>(p.Id).GetAsync(userId)));
        var items = orders.OfType<OrderView>().Select(OrderResponse.From).ToList();
        return TypedResults.Ok(new PageResponse<OrderResponse>(items, Cursor.Encode(page.Next)));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Get(string id, IGrainFactory grains, HttpContext context)
    {
        var order = Ids.IsWellFormed(id) ? await grains.GetGrain<IOrderGrain>(id).GetAsync(context.User.UserIdOf()) : null;
        return order is null ? OrderNotFound() : TypedResults.Ok(OrderResponse.From(order));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Cancel(string id, IGrainFactory grains, HttpContext context)
    {
        if (!Ids.IsWellFormed(id))
        {
            return OrderNotFound();
        }

        var result = await grains.GetGrain<IOrderGrain>(id).CancelAsync(context.User.UserIdOf());
        return result.Outcome switch
        {
            OrderCancelOutcome.Cancelled => TypedResults.Ok(OrderResponse.From(result.Order!)),
            OrderCancelOutcome.Complete => Problems.Conflict("order_complete", "The order is paid and cannot be cancelled."),
            OrderCancelOutcome.PaymentInProgress => Problems.Conflict("payment_in_progress", "A payment for this order is in progress."),
            _ => OrderNotFound(),
        };
    }

    internal static ProblemHttpResult OrderNotFound() => Problems.NotFound("order_not_found", "There is no such order.");
}
