namespace Ticketing;

/// <summary>
/// The grain could not read or write its storage (the database is down or too slow). Nothing was changed;
/// the caller may retry. The gateway answers it with 503 <c>storage_unavailable</c>.
/// </summary>
[GenerateSerializer, Alias("ticketing.storage-unavailable")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message) : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
