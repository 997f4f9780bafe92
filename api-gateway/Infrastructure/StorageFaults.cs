using System.Data.Common;
using Ticketing.Common;

namespace Ticketing.Gateway.Infrastructure;

public static class StorageFaults
{
    /// <summary>
    /// A failure of the cluster's storage: reported by a grain as <see cref="StorageUnavailableException"/>, or
    /// raw from the database driver when it happened while a grain was being activated or in this process.
    /// </summary>
    public static bool IsStorageFault(Exception exception) => ExceptionChain.Any(exception, static e =>
        e is StorageUnavailableException or DbException
        || e.GetType().FullName?.StartsWith("Npgsql.", StringComparison.Ordinal) == true);
}
