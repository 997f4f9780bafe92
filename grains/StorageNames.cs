namespace Ticketing;

/// <summary>The grain storage every Ticketing grain keeps its state in (memory or PostgreSQL, by configuration).</summary>
public static class StorageNames
{
    public const string Grains = "ticketing";
}
