using System.Security.Claims;

namespace Ticketing.Gateway.Auth;

public static class TicketingClaims
{
    public const string UserId = "sub";
    public const string Username = "name";
    public const string Email = "email";

    /// <summary>The user's session epoch when the token was issued; signing out moves the epoch on.</summary>
    public const string SessionEpoch = "sep";

    /// <summary>The signed-in user's id; only called behind authorization, where it is always present.</summary>
    public static string UserIdOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(UserId) ?? throw new InvalidOperationException("The request is not authenticated.");
}
