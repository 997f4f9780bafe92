using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Ticketing.Common;

/// <summary>
/// Grain storage that skips the read of a grain its caller announced as brand new (see <see cref="BrandNewGrain"/>)
/// and passes everything else to the storage it wraps.
/// </summary>
public sealed class BrandNewAwareGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!BrandNewGrain.IsAnnounced(grainId))
        {
            return inner.ReadStateAsync(stateName, grainId, grainState);
        }

        // What storage answers for a row that does not exist: an empty state, no version.
        grainState.State ??= Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    /// <summary>Wraps the grain storage registered under <paramref name="name"/>.</summary>
    internal static void Decorate(IServiceCollection services, string name)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, name));
        var create = registered.KeyedImplementationFactory
            ?? throw new InvalidOperationException($"Grain storage '{name}' is not registered by a factory.");
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) => new BrandNewAwareGrainStorage((IGrainStorage)create(provider, key)));
    }
}
