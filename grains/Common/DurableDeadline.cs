using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Ticketing.Common;

/// <summary>
/// A deadline a grain must act on even if its silo dies: a reminder due at the deadline (then every minimum
/// period, since a tick missed while the silo was down is not replayed) backs up the precise grain timer.
/// </summary>
public sealed partial class DurableDeadline(
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider time,
    ILogger<DurableDeadline> logger)
{
    private readonly TimeSpan period = reminderOptions.Value.MinimumReminderPeriod;

    public TimeProvider Time => time;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>How long until <paramref name="deadline"/>, never negative.</summary>
    public TimeSpan Until(DateTime deadline)
    {
        var left = deadline - UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>Registers (or moves) the grain's reminder so it fires shortly after the deadline.</summary>
    public Task ArmAsync(Grain grain, string name, DateTime deadline)
    {
        // Reminder due times under a second are rounded up by the service anyway; keep a small margin past the deadline.
        var due = Until(deadline) + TimeSpan.FromMilliseconds(500);
        return grain.RegisterOrUpdateReminder(name, due, period);
    }

    /// <summary>
    /// Registers the reminder without holding up the caller: during a drop the silo's reminder service queued
    /// registrations for 100-230 ms each (its table's own upsert took 0.13 ms), so awaiting it on the hot path made
    /// every buyer wait behind every other buyer's reminders. The grain's timer covers the deadline meanwhile; a registration that fails is logged, and the
    /// other backstops (the lazy check on every call, the ticket's or order's own reminder, the event's sweep)
    /// remain. The returned task never faults; it tells whether the reminder was registered. Await it before removing
    /// the reminder, so a registration still on its way cannot outlive the removal.
    /// </summary>
    public async Task<bool> ArmInBackground(Grain grain, string name, DateTime deadline)
    {
        try
        {
            await ArmAsync(grain, name, deadline);
            return true;
        }
        catch (Exception e)
        {
            LogArmFailed(logger, e, grain.GetGrainId(), name);
            return false;
        }
    }

    /// <summary>
    /// True once a registration started by <see cref="ArmInBackground"/> has succeeded, so the grain may leave memory
    /// and rely on the reminder alone; false while it is on its way or after it failed (the timer must stay).
    /// </summary>
    public static bool IsArmed(Task<bool> arming) => arming.IsCompletedSuccessfully && arming.Result;

    /// <summary>Removes the grain's reminder, if it has one.</summary>
    public static async Task DisarmAsync(Grain grain, string name)
    {
        var reminder = await grain.GetReminder(name);
        if (reminder is not null)
        {
            await grain.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{GrainId} could not register its reminder {ReminderName}; its timer and the other backstops remain")]
    private static partial void LogArmFailed(ILogger logger, Exception exception, GrainId grainId, string reminderName);
}
