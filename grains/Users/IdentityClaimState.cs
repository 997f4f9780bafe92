namespace Ticketing.Users;

[GenerateSerializer, Alias("ticketing.identity-claim-state")]
public sealed record IdentityClaimState
{
    [Id(0)] public string? OwnerId { get; init; }
    [Id(1)] public bool Confirmed { get; init; }
    [Id(2)] public DateTime ClaimedAt { get; init; }
}
