using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Gateway.Auth;
using Ticketing.Gateway.Infrastructure;
using Ticketing.Users;

namespace Ticketing.Gateway.Users;

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/users").WithTags("Users").CheckContentTypeAfterAuth();
        group.MapPost("/signup", SignUp);
        group.MapPost("/signin", SignIn);
        group.MapPost("/signout", SignOut);
        group.MapGet("/currentuser", CurrentUser);
        return group;
    }

    public static async Task<Results<Created<AuthResponse>, ValidationProblem, ProblemHttpResult>> SignUp(
        SignUpRequest request, IGrainFactory grains, SessionTokens tokens, HttpContext context)
    {
        var errors = new FieldErrors();
        var email = errors.Email(request.Email);
        var username = errors.Username(request.Username);
        var password = errors.Password(request.Password);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var result = await grains.GetGrain<IUserGrain>(Ids.New()).SignUpAsync(new SignUp(email, username, password));
        switch (result.Outcome)
        {
            case SignUpOutcome.EmailTaken:
                return Problems.Conflict("email_taken", "An account with this email already exists.");
            case SignUpOutcome.UsernameTaken:
                return Problems.Conflict("username_taken", "This username is taken.");
        }

        var user = result.User!;
        var token = tokens.Issue(user);
        tokens.SetCookie(context, token);
        return TypedResults.Created("/api/users/currentuser", new AuthResponse(UserResponse.From(user), token));
    }

    public static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest request, IGrainFactory grains, SessionTokens tokens, HttpContext context)
    {
        var errors = new FieldErrors();
        var identifier = (request.Email ?? request.Username)?.Trim();
        if (string.IsNullOrEmpty(identifier))
        {
            errors.Add(request.Email is null ? "username" : "email", "Email or username is required.");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "Password is required.");
        }
        else if (request.Password.Length > 128)
        {
            errors.Add("password", "Password must be at most 128 characters.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var claimKey = identifier!.Contains('@', StringComparison.Ordinal)
            ? IdentityClaimKeys.Email(identifier)
            : IdentityClaimKeys.Username(identifier);
        var claim = grains.GetGrain<IIdentityClaimGrain>(claimKey);
        var result = await claim.GetOwnerAsync() is { } userId
            ? await grains.GetGrain<IUserGrain>(userId).SignInAsync(request.Password!)
            : await claim.SignInWithoutAccountAsync(request.Password!);

        switch (result.Outcome)
        {
            case SignInOutcome.LockedOut:
                var seconds = Math.Max(1, (int)Math.Ceiling(result.RetryAfter.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return Problems.Of(StatusCodes.Status429TooManyRequests, "rate_limited",
                    $"Too many failed sign-ins to this account; retry after {seconds} s.");
            case SignInOutcome.InvalidCredentials:
                return Problems.Of(StatusCodes.Status401Unauthorized, "invalid_credentials",
                    "The email, username or password is not correct.");
        }

        var user = result.User!;
        var token = tokens.Issue(user);
        tokens.SetCookie(context, token);
        return TypedResults.Ok(new AuthResponse(UserResponse.From(user), token));
    }

    /// <summary>Ends the session (and every other session of the user); answers 204 whatever was sent.</summary>
    public static async Task<NoContent> SignOut(HttpContext context, IGrainFactory grains)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            await grains.GetGrain<IUserGrain>(context.User.UserIdOf()).SignOutAsync();
        }

        SessionTokens.ClearCookie(context);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<CurrentUserResponse>> CurrentUser(HttpContext context, IGrainFactory grains)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return TypedResults.Ok(new CurrentUserResponse(null));
        }

        var user = await grains.GetGrain<IUserGrain>(context.User.UserIdOf()).GetAsync();
        return TypedResults.Ok(new CurrentUserResponse(user is null ? null : UserResponse.From(user)));
    }
}
