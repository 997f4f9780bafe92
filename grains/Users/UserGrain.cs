namespace Ticketing.Users;

public sealed partial class UserGrain(
    [PersistentState("user", StorageNames.Grains)] IPersistentState<UserState> state,
    TimeProvider time,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private string UserId => this.GetPrimaryKeyString();

    public async Task<SignUpResult> SignUpAsync(SignUp command)
    {
        if (state.State.Exists)
        {
            return SignUpResult.Created(View());
        }

        var email = GrainFactory.GetGrain<IIdentityClaimGrain>(IdentityClaimKeys.Email(command.Email));
        if (await email.ClaimAsync(UserId) != UserId)
        {
            return SignUpResult.EmailTaken;
        }

        var username = GrainFactory.GetGrain<IIdentityClaimGrain>(IdentityClaimKeys.Username(command.Username));
        if (await username.ClaimAsync(UserId) != UserId)
        {
            await email.ReleaseAsync(UserId);
            return SignUpResult.UsernameTaken;
        }

        state.State = new UserState
        {
            Email = command.Email.Trim(),
            Username = command.Username.Trim(),
            PasswordHash = Passwords.Hash(command.Password),
            SessionEpoch = 1,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await state.WriteStateAsync();
        await Task.WhenAll(email.ConfirmAsync(UserId), username.ConfirmAsync(UserId));
        LogSignedUp(logger, UserId);
        return SignUpResult.Created(View());
    }

    public async Task<SignInResult> SignInAsync(string password)
    {
        if (!state.State.Exists)
        {
            Passwords.VerifyDecoy(password);
            return SignInResult.InvalidCredentials;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var lockedFor = SignInThrottle.LockedFor(state.State.FailedSignIns, now);
        if (lockedFor > TimeSpan.Zero)
        {
            return SignInResult.LockedOut(lockedFor);
        }

        if (Passwords.Verify(state.State.PasswordHash, password))
        {
            if (!state.State.FailedSignIns.IsEmpty)
            {
                state.State = state.State with { FailedSignIns = [] };
                await state.WriteStateAsync();
            }

            return SignInResult.SignedIn(View());
        }

        state.State = state.State with { FailedSignIns = SignInThrottle.RecordFailure(state.State.FailedSignIns, now) };
        await state.WriteStateAsync();
        LogSignInFailed(logger, UserId, state.State.FailedSignIns.Count);
        return SignInResult.InvalidCredentials;
    }

    public async Task SignOutAsync()
    {
        if (!state.State.Exists)
        {
            return;
        }

        state.State = state.State with { SessionEpoch = state.State.SessionEpoch + 1 };
        await state.WriteStateAsync();
    }

    public Task<UserView?> GetAsync() => Task.FromResult(state.State.Exists ? View() : null);

    public Task<int?> GetSessionEpochAsync() =>
        Task.FromResult(state.State.Exists ? state.State.SessionEpoch : (int?)null);

    private UserView View() => new(UserId, state.State.Email, state.State.Username, state.State.SessionEpoch);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed up")]
    private static partial void LogSignedUp(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Failed sign-in for user {UserId} ({RecentFailures} recent)")]
    private static partial void LogSignInFailed(ILogger logger, string userId, int recentFailures);
}
