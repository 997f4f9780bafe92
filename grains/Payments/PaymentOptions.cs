namespace Ticketing.Payments;

/// <summary><c>Ticketing:Payments</c> and <c>Ticketing:Stripe</c>: the currency and which processor charges cards.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Ticketing:Payments";

    /// <summary>Lowercase ISO 4217 code, as Stripe writes it.</summary>
    public string Currency { get; set; } = "usd";
}

public sealed class StripeOptions
{
    public const string Section = "Ticketing:Stripe";

    /// <summary>A Stripe secret key; when set, cards are charged through Stripe instead of the test processor.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Overrides Stripe's API address (for a local Stripe-compatible server in tests).</summary>
    public Uri? ApiBase { get; set; }
}
