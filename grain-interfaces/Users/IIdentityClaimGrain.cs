namespace Ticketing.Users;

/// <summary>
/// The single owner of one normalized email or username (key <c>email:…</c> or <c>username:…</c>), so that
/// uniqueness needs no global lock: the first account to claim a value holds it.
/// </summary>
public interface IIdentityClaimGrain : IGrainWithStringKey
{
    /// <summary>Claims the value for a user; returns the owner afterwards (the caller, if it won).</summary>
    Task<string> ClaimAsync(string userId);

    /// <summary>Marks the caller's claim as backed by a saved account, so it never goes stale.</summary>
    Task ConfirmAsync(string userId);

    /// <summary>Gives the value up, if the caller holds it.</summary>
    Task ReleaseAsync(string userId);

    /// <summary>The user id owning this value with a saved account, or null.</summary>
    Task<string?> GetOwnerAsync();

    /// <summary>
    /// Answers a sign-in to a value that names no account exactly as a wrong password would: as slowly, and
    /// with the same throttle.
    /// </summary>
    Task<SignInResult> SignInWithoutAccountAsync(string password);
}

/// <summary>Keys of <see cref="IIdentityClaimGrain"/>: values are compared case-insensitively.</summary>
public static class IdentityClaimKeys
{
    public static string Email(string email) => "email:" + email.Trim().ToUpperInvariant();

    public static string Username(string username) => "username:" + username.Trim().ToUpperInvariant();
}
