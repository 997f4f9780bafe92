namespace Ticketing.Orders;

/// <summary><c>Ticketing:Orders</c>: how long a reservation holds its ticket.</summary>
public sealed class OrderOptions
{
    public const string Section = "Ticketing:Orders";

    /// <summary>How long an unpaid order holds its ticket.</summary>
    public TimeSpan ReservationWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a payment may stay in flight before the order asks the payment to settle it.</summary>
    public TimeSpan PaymentRecoveryAfter { get; set; } = TimeSpan.FromMinutes(2);
}
