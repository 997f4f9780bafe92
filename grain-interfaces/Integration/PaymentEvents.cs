using Ticketing.Payments;

namespace Ticketing.Integration;

/// <summary><c>payment.created</c>: a charge for an order succeeded (entity id: the payment's id).</summary>
[GenerateSerializer, Immutable, Alias("ticketing.payment-created")]
public sealed record PaymentCreated(
    [property: Id(0)] string OrderId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string Currency,
    [property: Id(3)] PaymentStatus Status) : IDomainEvent;
