using Microsoft.Extensions.Options;
using Stripe;

namespace Ticketing.Payments;

/// <summary>
/// Charges through Stripe PaymentIntents: confirmed at once, amount in cents, never redirecting, keyed by
/// the attempt's idempotency key so a retried request never charges twice.
/// </summary>
public sealed partial class StripePaymentProcessor(IOptions<StripeOptions> options, ILogger<StripePaymentProcessor> logger)
    : IPaymentProcessor
{
    private readonly StripeClient client = new(
        apiKey: options.Value.SecretKey,
        apiBase: options.Value.ApiBase?.ToString().TrimEnd('/'));

    public async Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        var create = new PaymentIntentCreateOptions
        {
            Amount = request.AmountInCents,
            Currency = request.Currency,
            Confirm = true,
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true, AllowRedirects = "never" },
            Metadata = new Dictionary<string, string> { ["order_id"] = request.OrderId },
        };
        if (request.Token.StartsWith("tok_", StringComparison.Ordinal))
        {
            // A legacy card token becomes a card payment method inline.
            create.AddExtraParam("payment_method_data[type]", "card");
            create.AddExtraParam("payment_method_data[card][token]", request.Token);
        }
        else
        {
            create.PaymentMethod = request.Token;
        }

        try
        {
            var intent = await new PaymentIntentService(client).CreateAsync(
                create, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken);
            return intent.Status == "succeeded"
                ? ChargeResult.Succeeded(intent.Id)
                : ChargeResult.Declined($"The payment did not complete (status '{intent.Status}').");
        }
        catch (StripeException e) when (e.StripeError?.Type == "card_error")
        {
            LogDeclined(logger, request.OrderId, e.StripeError.Code);
            return ChargeResult.Declined(e.StripeError.Message ?? "Your card was declined.");
        }
        catch (StripeException e) when (e.StripeError?.Type == "invalid_request_error")
        {
            return ChargeResult.InvalidToken(e.StripeError.Message ?? "The payment method is not valid.");
        }
    }

    public async Task RefundAsync(string chargeId, string idempotencyKey, CancellationToken cancellationToken) =>
        await new RefundService(client).CreateAsync(
            new RefundCreateOptions { PaymentIntent = chargeId },
            new RequestOptions { IdempotencyKey = idempotencyKey },
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe declined the charge for order {OrderId} ({DeclineCode})")]
    private static partial void LogDeclined(ILogger logger, string orderId, string? declineCode);
}
