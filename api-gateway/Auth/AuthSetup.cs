using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Ticketing.Gateway.Infrastructure;
using Ticketing.Users;

namespace Ticketing.Gateway.Auth;

public static partial class AuthSetup
{
    public const string OperatorPolicy = "operator";

    /// <summary>
    /// JWT bearer auth from the Authorization header or the session cookie, HS256 only (so <c>alg: none</c>
    /// and forged algorithms fail), and a check against the user's session epoch so sign-out revokes.
    /// </summary>
    public static IServiceCollection AddTicketingAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var jwt = JwtSettings.From(configuration, environment);
        services.AddSingleton(jwt);
        services.AddSingleton<SessionTokens>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = JwtSettings.Issuer,
                ValidAudience = JwtSettings.Audience,
                IssuerSigningKey = jwt.SigningKey,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = TicketingClaims.Username,
            };
            options.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (string.IsNullOrEmpty(context.Request.Headers.Authorization)
                        && context.Request.Cookies.TryGetValue(SessionTokens.CookieName, out var cookie))
                    {
                        context.Token = cookie;
                    }

                    return Task.CompletedTask;
                },
                OnTokenValidated = RejectRevokedAsync,
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    await Problems.Of(StatusCodes.Status401Unauthorized, "unauthorized",
                        "A valid session token is required (Authorization: Bearer … or the session cookie).").ExecuteAsync(context.HttpContext);
                },
                OnForbidden = context => Problems.Forbidden("forbidden", "This is for operators only.").ExecuteAsync(context.HttpContext),
            };
        });

        var operators = configuration.GetSection("Ticketing:Operators").Get<string[]>() ?? [];
        services.AddAuthorizationBuilder().AddPolicy(OperatorPolicy, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.Identity?.Name is { } name
                && operators.Contains(name, StringComparer.OrdinalIgnoreCase)));
        return services;
    }

    private static async Task RejectRevokedAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var userId = principal.FindFirst(TicketingClaims.UserId)?.Value;
        var epochClaim = principal.FindFirst(TicketingClaims.SessionEpoch)?.Value;
        if (!Ids.IsWellFormed(userId)
            || !int.TryParse(epochClaim, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            context.Fail("The token does not name a session.");
            return;
        }

        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        var current = await grains.Reference<IUserGrain>(userId!).GetSessionEpochAsync();
        if (current != epoch)
        {
            context.Fail("The session was signed out.");
        }
    }
}
