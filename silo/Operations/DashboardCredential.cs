using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Ticketing.Silo.Operations;

/// <summary>
/// The silo host serves the Orleans dashboard (which has no authentication of its own) only to an operator
/// presenting <c>Ticketing:Dashboard:Username</c> / <c>Password</c> by HTTP Basic auth. Without a configured
/// credential the dashboard is not served here at all (the gateway serves it to operators at /dashboard).
/// </summary>
public sealed class DashboardCredential(string username, string password)
{
    public const string Path = "/dashboard";

    public static DashboardCredential? From(IConfiguration configuration) =>
        configuration["Ticketing:Dashboard:Username"] is { Length: > 0 } user
        && configuration["Ticketing:Dashboard:Password"] is { Length: >= 12 } secret
            ? new DashboardCredential(user, secret)
            : null;

    /// <summary>Answers 401 with a Basic challenge to anyone on /dashboard without the credential.</summary>
    public RequestDelegate Guard(RequestDelegate next) => async context =>
    {
        if (context.Request.Path.StartsWithSegments(Path) && !Presented(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Ticketing operators\", charset=\"UTF-8\"";
            return;
        }

        await next(context);
    };

    private bool Presented(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[512];
        if (!Convert.TryFromBase64String(header.Parameter, decoded, out var length))
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes($"{username}:{password}");
        return CryptographicOperations.FixedTimeEquals(decoded[..length], expected);
    }
}
