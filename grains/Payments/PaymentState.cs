using Ticketing.Integration;

namespace Ticketing.Payments;

/// <summary>A charge sent (or about to be sent) to the processor, recorded first so a crash can be settled.</summary>
[GenerateSerializer, Immutable, Alias("ticketing.pending-charge")]
public sealed record PendingCharge(
    [property: Id(0)] string IdempotencyKey,
    [property: Id(1)] string Token,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] string Currency);

[GenerateSerializer, Alias("ticketing.payment-state")]
public sealed record PaymentState : IOutboxState<PaymentState>
{
    [Id(0)] public string? UserId { get; init; }
    [Id(1)] public int Attempts { get; init; }
    [Id(2)] public PendingCharge? Pending { get; init; }
    [Id(3)] public PaymentView? Payment { get; init; }

    /// <summary>Grows with every change of the payment; orders its integration events.</summary>
    [Id(4)] public int Version { get; init; }

    /// <summary>Integration events written with the change they describe and not yet delivered (oldest first).</summary>
    [Id(5)] public IntegrationEvent[] Outbox { get; init; } = [];

    public PaymentState WithOutbox(IntegrationEvent[] outbox) => this with { Outbox = outbox };
}
