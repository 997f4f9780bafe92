using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Orleans.Storage;
using Ticketing.Integration;

namespace Ticketing.Common;

/// <summary>
/// What the silos of one process keep in its memory: grain state (one store per storage name) and reminders. Silos
/// hosted together share one instance; silos in other processes see none of it.
/// </summary>
public sealed class InProcessStores
{
    private readonly ConcurrentDictionary<string, InProcessGrainStorage> grainStores = new();

    public InProcessReminderTable Reminders { get; } = new();

    public InProcessGrainStorage GrainStorage(string name, IGrainStorageSerializer serializer) =>
        grainStores.GetOrAdd(name, static (name, serializer) => new InProcessGrainStorage(name, serializer), serializer);
}

public static class InProcessStoresRegistration
{
    /// <summary>
    /// The memory mode's stores: grain state under <paramref name="grainStorageName"/> and reminders kept in this
    /// process (<see cref="InProcessStores"/>), and delivered events written away at once
    /// (<see cref="OutboxOptions.InMemoryCleanUpAfter"/>): in memory a clean-up write is a copy and memory is what runs
    /// out, so waiting grains rest that soon. Configuration (<c>Ticketing:Outbox:CleanUpAfter</c>) still wins when this
    /// is registered before <c>AddTicketingGrainServices</c>.
    /// </summary>
    public static ISiloBuilder UseInProcessStores(this ISiloBuilder silo, string grainStorageName)
    {
        silo.Services.TryAddSingleton<InProcessStores>();
        silo.Services.AddKeyedSingleton<IGrainStorage>(grainStorageName, (provider, _) => provider.GetRequiredService<InProcessStores>()
            .GrainStorage(grainStorageName, new OrleansGrainStorageSerializer(provider.GetRequiredService<Serializer>())));
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable>(provider => provider.GetRequiredService<InProcessStores>().Reminders);
        silo.Services.Configure<OutboxOptions>(o => o.CleanUpAfter = OutboxOptions.InMemoryCleanUpAfter);
        return silo;
    }
}
