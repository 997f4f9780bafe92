namespace Ticketing.Gateway.Infrastructure;

/// <summary>How values are written on the wire: lowercase status words and UTC ISO 8601 times.</summary>
public static class Wire
{
    public static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}

/// <summary>A page of any listing: the items and the cursor of the next page, or null on the last one.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? NextCursor);
