using Microsoft.AspNetCore.Identity;

namespace Ticketing.Users;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher (HMAC-SHA512, 100,000 iterations, random salt).</summary>
internal static class Passwords
{
    private static readonly PasswordHasher<string> Hasher = new();

    // Verifying against this hash costs what a real check costs, so an unknown account answers as slowly.
    private static readonly string DecoyHash = Hasher.HashPassword("", Guid.NewGuid().ToString());

    public static string Hash(string password) => Hasher.HashPassword("", password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword("", hash, password) != PasswordVerificationResult.Failed;

    public static void VerifyDecoy(string password) => Hasher.VerifyHashedPassword("", DecoyHash, password);
}
