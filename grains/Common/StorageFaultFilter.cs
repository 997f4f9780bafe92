using System.Data.Common;
using Orleans.Storage;

namespace Ticketing.Common;

/// <summary>
/// When a grain's storage (or a reminder's) fails mid-call, the activation's memory may already hold a change
/// that was never written. This filter drops that activation, so the next call reloads what storage really
/// holds, and reports the failure as <see cref="StorageUnavailableException"/>, which every caller understands.
/// </summary>
public sealed partial class StorageFaultFilter(ILogger<StorageFaultFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            LogStorageFault(logger, e, context.TargetContext.GrainId.ToString(), context.InterfaceMethod?.Name ?? "?");
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, e, "Storage failed during a call."));
            throw e as StorageUnavailableException ?? new StorageUnavailableException("Storage is unavailable; nothing was changed.");
        }
    }

    public static bool IsStorageFault(Exception exception) => ExceptionChain.Any(exception, static e =>
        e is StorageUnavailableException or DbException or InconsistentStateException or ReminderException);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage failed in {GrainId}.{Method}; the activation is dropped so it reloads")]
    private static partial void LogStorageFault(ILogger logger, Exception exception, string grainId, string method);
}
