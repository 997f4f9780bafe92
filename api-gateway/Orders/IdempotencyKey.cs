using System.Security.Cryptography;
using System.Text;

namespace Ticketing.Gateway.Orders;

/// <summary>
/// <c>Idempotency-Key</c> on <c>POST /api/orders</c>: a buyer whose request timed out, or whose connection dropped
/// before the answer, sends the same request with the same key and gets the same order back instead of holding a
/// second seat. The order's id is derived from the buyer and the key, and an order grain answers a second placement
/// under its id with the order it already holds, so retries, even concurrent ones on different gateways, meet in
/// one grain without a table of keys.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public const int MaxLength = 255;

    /// <summary>
    /// The key the request carries, null when it carries none, or an error for a key that is empty, longer than
    /// <see cref="MaxLength"/>, sent twice, or not made of visible ASCII characters.
    /// </summary>
    public static (string? Key, string? Error) Read(IHeaderDictionary headers)
    {
        if (!headers.TryGetValue(Header, out var values))
        {
            return (null, null);
        }

        if (values.Count != 1)
        {
            return (null, "Send one Idempotency-Key.");
        }

        var key = values[0] ?? "";
        return key.Length is >= 1 and <= MaxLength && key.All(static c => c is >= '!' and <= '~')
            ? (key, null)
            : (null, $"An Idempotency-Key is 1 to {MaxLength} visible ASCII characters, e.g. a UUID.");
    }

    /// <summary>The id of the order a buyer's key stands for: the same for every retry, different for every buyer.</summary>
    public static string OrderIdFor(string userId, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}\n{key}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
