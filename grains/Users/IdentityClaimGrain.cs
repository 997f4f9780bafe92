using System.Collections.Immutable;

namespace Ticketing.Users;

public sealed class IdentityClaimGrain(
    [PersistentState("claim", StorageNames.Grains)] IPersistentState<IdentityClaimState> state,
    TimeProvider time) : Grain, IIdentityClaimGrain
{
    // After this an unconfirmed claim is stale: its sign-up ended. If its account was saved the claim is confirmed then;
    // if not (its silo died before saving), the next sign-up may take it over.
    private static readonly TimeSpan UnconfirmedClaimLifetime = TimeSpan.FromMinutes(1);

    // Failed sign-ins against a value that names no account: kept in memory only, so guessing writes nothing.
    private ImmutableList<DateTime> failedSignIns = [];

    public async Task<string> ClaimAsync(string userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var current = state.State;
        var free = current.OwnerId is null
            || (current.OwnerId != userId && IsStale(now) && !await ConfirmIfAccountSavedAsync());
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

    public async Task<string?> GetOwnerAsync() =>
        state.State.Confirmed || (IsStale(time.GetUtcNow().UtcDateTime) && await ConfirmIfAccountSavedAsync()) ? state.State.OwnerId : null;

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

    // Unconfirmed for longer than any sign-up takes: its sign-up ended, saved or not.
    private bool IsStale(DateTime now) =>
        state.State is { OwnerId: not null, Confirmed: false } && now - state.State.ClaimedAt > UnconfirmedClaimLifetime;

    /// <summary>
    /// A sign-up saves its account and then confirms its claims; a silo lost in between leaves the claims unconfirmed
    /// behind a saved account. Asked about such a claim once it is stale, the owner's account is looked up: if it holds
    /// this value, the claim is confirmed now, so the account still signs in by it and nobody else can take it.
    /// </summary>
    private async Task<bool> ConfirmIfAccountSavedAsync()
    {
        var account = await GrainFactory.GetGrain<IUserGrain>(state.State.OwnerId!).GetAsync();
        var key = this.GetPrimaryKeyString();
        if (account is null || (key != IdentityClaimKeys.Email(account.Email) && key != IdentityClaimKeys.Username(account.Username)))
        {
            return false;
        }

        state.State = state.State with { Confirmed = true };
        await state.WriteStateAsync();
        return true;
    }
}
