using System.Collections.Immutable;

namespace Ticketing.Users;

public sealed class IdentityClaimGrain(
    [PersistentState("claim", StorageNames.Grains)] IPersistentState<IdentityClaimState> state,
    TimeProvider time) : Grain, IIdentityClaimGrain
{
    // A claim whose account was never saved (its silo died mid sign-up) may be taken over after this.
    private static readonly TimeSpan UnconfirmedClaimLifetime = TimeSpan.FromMinutes(1);

    // Failed sign-ins against a value that names no account: kept in memory only, so guessing writes nothing.
    private ImmutableList<DateTime> failedSignIns = [];

    public async Task<string> ClaimAsync(string userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var current = state.State;
        var free = current.OwnerId is null
            || (!current.Confirmed && current.OwnerId != userId && now - current.ClaimedAt > UnconfirmedClaimLifetime);
        if (free)
        {
            state.State = new IdentityClaimState { OwnerId = userId, Confirmed = false, ClaimedAt = now };
            await state.WriteStateAsync();
        }

        return state.State.OwnerId!;
    }

    public async Task ConfirmAsync(string userId)
    {
        if (state.State.OwnerId == userId && !state.State.Confirmed)
        {
            state.State = state.State with { Confirmed = true };
            await state.WriteStateAsync();
        }
    }

    public async Task ReleaseAsync(string userId)
    {
        if (state.State.OwnerId == userId)
        {
            await state.ClearStateAsync();
            state.State = new IdentityClaimState();
        }
    }

    public Task<string?> GetOwnerAsync() =>
        Task.FromResult(state.State.Confirmed ? state.State.OwnerId : null);

    public Task<SignInResult> SignInWithoutAccountAsync(string password)
    {
        Passwords.VerifyDecoy(password);
        var now = time.GetUtcNow().UtcDateTime;
        var lockedFor = SignInThrottle.LockedFor(failedSignIns, now);
        if (lockedFor > TimeSpan.Zero)
        {
            return Task.FromResult(SignInResult.LockedOut(lockedFor));
        }

        failedSignIns = SignInThrottle.RecordFailure(failedSignIns, now);
        return Task.FromResult(SignInResult.InvalidCredentials);
    }
}
