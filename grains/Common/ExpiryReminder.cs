namespace Ticketing.Common;

/// <summary>
/// One grain's expiry reminder: the backstop of its deadline for when the grain leaves memory or its silo dies,
/// registered without holding up the caller (<see cref="DurableDeadline.ArmInBackground"/>). A seat's hold puts the
/// registration off until its grain is about to leave memory (<see cref="ArmHold"/>), because its event's
/// sweep of stale holds backs it up meanwhile: a hold cancelled or let run out while its grains are still in memory
/// (on PostgreSQL, the outbox clean-up delay) never writes a reminder, and a drop's burst pays for none. (A payment
/// in flight is not something the sweep sees, so the order registers its reminder when the payment starts.)
/// </summary>
public sealed class ExpiryReminder(Grain grain, string name, DurableDeadline deadline)
{
    // The registration, on its way or done. A new activation trusts the one before it: a grain whose deadline is
    // still ahead leaves memory only once its reminder is registered.
    private Task<bool> arming = Task.FromResult(true);

    // A deadline whose registration waits for the grain to rest or deactivate.
    private DateTime? armBeforeRest;

    /// <summary>
    /// The reminder of a hold until <paramref name="at"/>: a seat's hold (<paramref name="eventId"/> set) registers it
    /// only once the grain is about to rest (or is deactivated), a stand-alone ticket's hold, which no sweep covers, now.
    /// </summary>
    public void ArmHold(DateTime at, string? eventId)
    {
        if (eventId is null)
        {
            Arm(at);
        }
        else
        {
            armBeforeRest = at;
        }
    }

    /// <summary>Registers a reminder put off until now, for a deadline that needs it while the grain is still in memory.</summary>
    public void ArmIfPutOff()
    {
        if (armBeforeRest is { } at)
        {
            Arm(at);
        }
    }

    /// <summary>
    /// Whether the grain may leave memory and rely on the reminder alone: once it is registered. One put off until now
    /// starts registering, and the grain asks again shortly.
    /// </summary>
    public bool ReadyForRest()
    {
        if (armBeforeRest is { } at)
        {
            Arm(at);
            return false;
        }

        return DurableDeadline.IsArmed(arming);
    }

    /// <summary>
    /// Removes the reminder. One still put off was never registered, so that costs nothing; otherwise a registration
    /// on its way is awaited first, so it cannot outlive the removal.
    /// </summary>
    public async Task DisarmAsync()
    {
        if (armBeforeRest is not null)
        {
            armBeforeRest = null;
            return;
        }

        await arming;
        await DurableDeadline.DisarmAsync(grain, name);
    }

    /// <summary>The activation ends some other way than resting (its silo shuts down): a reminder put off is registered now.</summary>
    public async Task OnDeactivateAsync()
    {
        if (armBeforeRest is { } at)
        {
            Arm(at);
            await arming;
        }
    }

    /// <summary>Registers (or moves) the reminder now, in the background.</summary>
    private void Arm(DateTime at)
    {
        armBeforeRest = null;
        arming = deadline.ArmInBackground(grain, name, at);
    }
}
