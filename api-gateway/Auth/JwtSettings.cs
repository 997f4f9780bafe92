using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Ticketing.Hosting;

namespace Ticketing.Gateway.Auth;

/// <summary>
/// <c>Ticketing:Jwt</c>: the HS256 signing key every gateway of a cluster shares, and token lifetime. With no
/// key, a throwaway one is made, but only where nothing outlives the process (Development or the embedded
/// default); a clustered deployment refuses to start without one.
/// </summary>
public sealed class JwtSettings
{
    public const string Issuer = "ticketing";
    public const string Audience = "ticketing";

    public required SymmetricSecurityKey SigningKey { get; init; }
    public required TimeSpan Lifetime { get; init; }
    public bool KeyIsEphemeral { get; init; }

    public static JwtSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var lifetime = configuration.GetValue("Ticketing:Jwt:Lifetime", TimeSpan.FromHours(12));
        var configured = configuration["Ticketing:Jwt:SigningKey"];
        if (!string.IsNullOrEmpty(configured))
        {
            var bytes = Encoding.UTF8.GetBytes(configured);
            if (bytes.Length < 32)
            {
                throw new InvalidOperationException("Ticketing:Jwt:SigningKey must be at least 32 bytes (256 bits) for HS256.");
            }

            return new JwtSettings { SigningKey = new SymmetricSecurityKey(bytes), Lifetime = lifetime };
        }

        var embedded = ClusterSettings.From(configuration).Mode == ClusterMode.Embedded;
        if (!environment.IsDevelopment() && !embedded)
        {
            throw new InvalidOperationException(
                "Ticketing:Jwt:SigningKey is not set. Every gateway of a cluster must share one signing key of at least 32 bytes.");
        }

        return new JwtSettings
        {
            SigningKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)),
            Lifetime = lifetime,
            KeyIsEphemeral = true,
        };
    }
}
