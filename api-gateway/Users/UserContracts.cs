using Ticketing.Users;

namespace Ticketing.Gateway.Users;

public sealed record SignUpRequest(string? Email, string? Username, string? Password);

/// <summary>Either <c>email</c> or <c>username</c> names the account.</summary>
public sealed record SignInRequest(string? Email, string? Username, string? Password);

public sealed record UserResponse(string Id, string Email, string Username)
{
    public static UserResponse From(UserView user) => new(user.Id, user.Email, user.Username);
}

public sealed record AuthResponse(UserResponse User, string Token);

public sealed record CurrentUserResponse(UserResponse? CurrentUser);
