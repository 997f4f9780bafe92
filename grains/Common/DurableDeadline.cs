using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Ticketing.Common;

/// <summary>
/// A deadline a grain must act on even if its silo dies: a reminder due at the deadline (then every minimum
/// period, since a tick missed while the silo was down is not replayed) backs up the precise grain timer.
/// </summary>
public sealed class DurableDeadline(IOptions<ReminderOptions> reminderOptions, TimeProvider time)
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

    /// <summary>Removes the grain's reminder, if it has one.</summary>
    public static async Task DisarmAsync(Grain grain, string name)
    {
        var reminder = await grain.GetReminder(name);
        if (reminder is not null)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
