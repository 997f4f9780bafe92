using System.Collections.Immutable;

namespace Ticketing.Users;

[GenerateSerializer, Alias("ticketing.user-state")]
public sealed record UserState
{
    [Id(0)] public string Email { get; init; } = "";
    [Id(1)] public string Username { get; init; } = "";
    [Id(2)] public string PasswordHash { get; init; } = "";
    [Id(3)] public int SessionEpoch { get; init; }
    [Id(4)] public ImmutableList<DateTime> FailedSignIns { get; init; } = [];
    [Id(5)] public DateTime CreatedAt { get; init; }

    public bool Exists => PasswordHash.Length > 0;
}
