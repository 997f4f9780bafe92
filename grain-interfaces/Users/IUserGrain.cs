namespace Ticketing.Users;

/// <summary>One account: its credentials, its sign-in throttle and its session epoch. Keyed by user id.</summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the account, claiming its email and username first.</summary>
    Task<SignUpResult> SignUpAsync(SignUp command);

    /// <summary>Checks a password; counts failures and refuses further tries once too many failed.</summary>
    Task<SignInResult> SignInAsync(string password);

    /// <summary>Ends every session issued so far: tokens carrying an older epoch are rejected from now on.</summary>
    Task SignOutAsync();

    /// <summary>The account, or null when it does not exist.</summary>
    Task<UserView?> GetAsync();

    /// <summary>The epoch a token must carry to be accepted, or null when the account does not exist.</summary>
    Task<int?> GetSessionEpochAsync();
}

[GenerateSerializer, Immutable, Alias("ticketing.sign-up")]
public sealed record SignUp(
    [property: Id(0)] string Email,
    [property: Id(1)] string Username,
    [property: Id(2)] string Password);

[GenerateSerializer, Immutable, Alias("ticketing.user-view")]
public sealed record UserView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string Username,
    [property: Id(3)] int SessionEpoch);
