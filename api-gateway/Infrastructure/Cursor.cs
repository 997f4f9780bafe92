using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Ticketing.Gateway.Infrastructure;

/// <summary>Paging parameters: <c>limit</c> (1–200, default 50) and an opaque <c>cursor</c> from <c>nextCursor</c>.</summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static string? Encode(IndexPosition? position) => position is null
        ? null
        : WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(
            $"{position.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture)}:{position.Id}"));

    /// <summary>Reads <c>limit</c> and <c>cursor</c>, adding a field error for each that is malformed.</summary>
    public static (int Limit, IndexPosition? After) Read(string? limit, string? cursor, FieldErrors errors)
    {
        var pageSize = DefaultLimit;
        if (limit is not null
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"limit must be a whole number from 1 to {MaxLimit}.");
        }

        IndexPosition? after = null;
        if (cursor is not null && !TryDecode(cursor, out after))
        {
            errors.Add("cursor", "cursor is not one this API issued.");
        }

        return (pageSize, after);
    }

    private static bool TryDecode(string cursor, out IndexPosition? position)
    {
        position = null;
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            var separator = text.IndexOf(':', StringComparison.Ordinal);
            if (separator > 0
                && long.TryParse(text.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTime.MaxValue.Ticks
                && Ids.IsWellFormed(text[(separator + 1)..]))
            {
                position = new IndexPosition(new DateTime(ticks, DateTimeKind.Utc), text[(separator + 1)..]);
                return true;
            }
        }
        catch (FormatException)
        {
            // Not base64url: not a cursor we issued.
        }

        return false;
    }
}
