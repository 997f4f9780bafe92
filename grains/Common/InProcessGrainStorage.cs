using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace Ticketing.Common;

/// <summary>
/// Grain state kept in this process's memory: a copy of each state in Orleans' binary format, with a version
/// checked on every write like a database row's. Reads and writes are dictionary operations on the calling
/// grain's own thread. Orleans' memory storage sends each of them as a grain call to one of ten storage
/// grains, each taking the writes of a tenth of all grains one at a time, two thread hops and a copy away.
/// </summary>
/// <remarks>
/// One store serves every silo that shares it (<see cref="InProcessStores"/>), so it fits silos in one
/// process: the embedded default, and the test clusters. Silos in other processes do not see it.
/// </remarks>
public sealed class InProcessGrainStorage(string name, IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<StateKey, StoredState> states = new();
    private long lastVersion;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (states.TryGetValue(new StateKey(stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            NothingStored(grainState);
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = new StateKey(stateName, grainId);
        var written = new StoredState(serializer.Serialize(grainState.State), NextETag());
        while (true)
        {
            var current = ExpectVersion(key, grainState.ETag, grainId);
            var swapped = current is null ? states.TryAdd(key, written) : states.TryUpdate(key, written, current);
            if (swapped)
            {
                grainState.ETag = written.ETag;
                grainState.RecordExists = true;
                return Task.CompletedTask;
            }
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = new StateKey(stateName, grainId);
        while (true)
        {
            var current = ExpectVersion(key, grainState.ETag, grainId);
            if (current is null || states.TryRemove(new KeyValuePair<StateKey, StoredState>(key, current)))
            {
                NothingStored(grainState);
                return Task.CompletedTask;
            }
        }
    }

    /// <summary>The stored state, provided its version is the one the grain last read or wrote.</summary>
    private StoredState? ExpectVersion(StateKey key, string? expected, GrainId grainId)
    {
        var current = states.TryGetValue(key, out var stored) ? stored : null;
        if (current?.ETag != expected)
        {
            throw new InconsistentStateException(
                $"The state of {grainId} in '{name}' is at version {current?.ETag ?? "(none)"}, not {expected ?? "(none)"}: another activation wrote it.",
                current?.ETag ?? "(none)",
                expected ?? "(none)");
        }

        return current;
    }

    /// <summary>What a grain holds when nothing is stored for it: a new state, no version, no record.</summary>
    private static void NothingStored<T>(IGrainState<T> grainState)
    {
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private string NextETag() => Interlocked.Increment(ref lastVersion).ToString(CultureInfo.InvariantCulture);

    private readonly record struct StateKey(string StateName, GrainId GrainId);

    private sealed record StoredState(BinaryData Data, string ETag);
}
