using System.Globalization;
using System.Security.Cryptography;

namespace Ticketing;

/// <summary>
/// Shapes of the opaque ids the API hands out. Users, orders, events, payments and stand-alone tickets are
/// 32 lowercase hex digits; an event's seat is addressed deterministically as <c>{eventId}-{seat}</c>, so no
/// seat has to exist before someone touches it.
/// </summary>
public static class Ids
{
    private const int IdBytes = 16;

    // Random bytes for new ids, drawn from the operating system's secure generator a page at a time: Guid.NewGuid
    // asks the kernel once per id, and a reservation makes several (its order, its lock, the storage versions).
    [ThreadStatic]
    private static byte[]? entropy;

    [ThreadStatic]
    private static int entropyLeft;

    /// <summary>A new id: 128 random bits from the operating system's secure generator, as 32 lowercase hex digits.</summary>
    public static string New()
    {
        var pool = entropy ??= new byte[4096];
        if (entropyLeft < IdBytes)
        {
            RandomNumberGenerator.Fill(pool);
            entropyLeft = pool.Length;
        }

        var id = Convert.ToHexStringLower(pool.AsSpan(pool.Length - entropyLeft, IdBytes));
        entropyLeft -= IdBytes;
        return id;
    }

    public static bool IsWellFormed(string? id) =>
        id is { Length: 32 } && id.All(static c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public static string SeatTicketId(string eventId, int seat) =>
        string.Create(CultureInfo.InvariantCulture, $"{eventId}-{seat}");

    public static bool TryParseSeat(string? ticketId, out string eventId, out int seat)
    {
        eventId = "";
        seat = 0;
        if (ticketId is not { Length: > 33 and <= 40 } || ticketId[32] != '-')
        {
            return false;
        }

        var candidate = ticketId[..32];
        var number = ticketId[33..];
        if (!IsWellFormed(candidate) || number[0] == '0'
            || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out seat) || seat < 1)
        {
            seat = 0;
            return false;
        }

        eventId = candidate;
        return true;
    }

    public static bool IsWellFormedTicketId(string? id) => IsWellFormed(id) || TryParseSeat(id, out _, out _);
}
