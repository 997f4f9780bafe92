using System.Globalization;

namespace Ticketing.Common;

/// <summary>
/// The reminder table kept in this process's memory. Orleans' in-memory table is a grain: each registration and
/// removal of a reminder was a message to it, and a reservation registers two reminders and later removes both.
/// </summary>
/// <remarks>Shared by the silos of one process (<see cref="InProcessStores"/>); silos in other processes do not see it.</remarks>
public sealed class InProcessReminderTable : IReminderTable
{
    // One lock over the table: each operation is a few dictionary steps, and only a range read walks it all.
    private readonly Lock gate = new();
    private readonly Dictionary<GrainId, Dictionary<string, ReminderEntry>> grains = [];
    private long lastVersion;

    public Task Init() => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        lock (gate)
        {
            return Task.FromResult(new ReminderTableData(grains.TryGetValue(grainId, out var rows) ? rows.Values.Select(Copy).ToList() : []));
        }
    }

    /// <summary>Rows whose grain hashes into (begin, end] of the ring; begin ≥ end wraps around its top.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        lock (gate)
        {
            return Task.FromResult(new ReminderTableData(grains
                .Where(g => InRange(g.Key.GetUniformHashCode(), begin, end))
                .SelectMany(g => g.Value.Values)
                .Select(Copy)
                .ToList()));
        }
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        lock (gate)
        {
            return Task.FromResult(grains.TryGetValue(grainId, out var rows) && rows.TryGetValue(reminderName, out var row) ? Copy(row) : null);
        }
    }

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        var stored = Copy(entry);
        stored.ETag = Interlocked.Increment(ref lastVersion).ToString(CultureInfo.InvariantCulture);
        lock (gate)
        {
            if (!grains.TryGetValue(entry.GrainId, out var rows))
            {
                grains[entry.GrainId] = rows = new Dictionary<string, ReminderEntry>(StringComparer.Ordinal);
            }

            rows[entry.ReminderName] = stored;
        }

        return Task.FromResult<string?>(stored.ETag);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        lock (gate)
        {
            if (!grains.TryGetValue(grainId, out var rows) || !rows.TryGetValue(reminderName, out var row) || row.ETag != eTag)
            {
                return Task.FromResult(false);
            }

            rows.Remove(reminderName);
            if (rows.Count == 0)
            {
                grains.Remove(grainId);
            }

            return Task.FromResult(true);
        }
    }

    public Task TestOnlyClearTable()
    {
        lock (gate)
        {
            grains.Clear();
        }

        return Task.CompletedTask;
    }

    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ReminderEntry Copy(ReminderEntry row) => new()
    {
        GrainId = row.GrainId,
        ReminderName = row.ReminderName,
        StartAt = row.StartAt,
        Period = row.Period,
        ETag = row.ETag,
    };
}
