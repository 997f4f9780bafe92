using Ticketing.Payments;

namespace Ticketing.Gateway.Payments;

public sealed record CreatePaymentRequest(string? OrderId, string? Token);

public sealed record PaymentResponse(string Id, string OrderId, string StripeId, decimal Amount, string Currency, string Status)
{
    public static PaymentResponse From(PaymentView payment) => new(
        payment.Id, payment.OrderId, payment.StripeId, payment.Amount, payment.Currency,
        payment.Status == PaymentStatus.Succeeded ? "succeeded" : "refunded");
}
