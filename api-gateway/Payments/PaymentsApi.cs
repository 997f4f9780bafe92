using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Gateway.Auth;
using Ticketing.Gateway.Infrastructure;
using Ticketing.Gateway.Orders;
using Ticketing.Payments;

namespace Ticketing.Gateway.Payments;

public static class PaymentsApi
{
    public static RouteGroupBuilder MapPaymentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/payments").WithTags("Payments").RequireAuthorization().CheckContentTypeAfterAuth();
        group.MapPost("/", Create);
        routes.MapGet("/api/orders/{orderId}/payment", GetOfOrder).WithTags("Payments").RequireAuthorization();
        return group;
    }

    /// <summary>Pays an order: 201 for a new charge, 200 with the same payment if the order was already paid.</summary>
    public static async Task<Results<Created<PaymentResponse>, Ok<PaymentResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreatePaymentRequest request, IGrainFactory grains, HttpContext context)
    {
        var errors = new FieldErrors();
        var orderId = errors.Required(request.OrderId, "orderId", maxLength: 64);
        var token = errors.Required(request.Token, "token", maxLength: 255);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        if (!Ids.IsWellFormed(orderId))
        {
            return OrdersApi.OrderNotFound();
        }

        var result = await grains.GetGrain<IPaymentGrain>(orderId).PayAsync(new PayOrder(context.User.UserIdOf(), token));
        return result.Outcome switch
        {
            PaymentOutcome.Succeeded => TypedResults.Created($"/api/orders/{orderId}/payment", PaymentResponse.From(result.Payment!)),
            PaymentOutcome.AlreadyPaid => TypedResults.Ok(PaymentResponse.From(result.Payment!)),
            PaymentOutcome.OrderCancelled => Problems.Conflict("order_cancelled", "The order is cancelled or its reservation has expired."),
            PaymentOutcome.InProgress => Problems.Conflict("payment_in_progress", "A payment for this order is already in progress."),
            PaymentOutcome.Declined => Problems.Of(StatusCodes.Status402PaymentRequired, "card_declined", result.Message ?? "Your card was declined."),
            PaymentOutcome.InvalidToken => Problems.Validation("token", result.Message ?? "The payment token is not valid."),
            _ => OrdersApi.OrderNotFound(),
        };
    }

    /// <summary>The payment of one of the caller's orders (where a new payment's <c>Location</c> points).</summary>
    public static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> GetOfOrder(
        string orderId, IGrainFactory grains, HttpContext context)
    {
        var payment = Ids.IsWellFormed(orderId)
            ? await grains.GetGrain<IPaymentGrain>(orderId).GetAsync(context.User.UserIdOf())
            : null;
        return payment is null
            ? Problems.NotFound("payment_not_found", "This order has no payment.")
            : TypedResults.Ok(PaymentResponse.From(payment));
    }
}
