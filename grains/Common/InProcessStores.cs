using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Orleans.Storage;

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
    /// <summary>Keeps the grain storage named <paramref name="name"/> in this process (<see cref="InProcessGrainStorage"/>).</summary>
    public static ISiloBuilder AddInProcessGrainStorage(this ISiloBuilder silo, string name)
    {
        silo.Services.TryAddSingleton<InProcessStores>();
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) => provider.GetRequiredService<InProcessStores>()
            .GrainStorage(name, new OrleansGrainStorageSerializer(provider.GetRequiredService<Serializer>())));
        return silo;
    }

    /// <summary>Runs the reminder service on a table in this process's memory (<see cref="InProcessReminderTable"/>).</summary>
    public static ISiloBuilder UseInProcessReminderService(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton<InProcessStores>();
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable>(provider => provider.GetRequiredService<InProcessStores>().Reminders);
        return silo;
    }
}
