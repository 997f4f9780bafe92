namespace Ticketing.Common;

public static class BrandNewGrainReads
{
    /// <summary>
    /// Lets grains announced as brand new (<see cref="BrandNewGrain"/>) skip the read of the storage named
    /// <paramref name="storageName"/>: wraps that storage and adds <see cref="BrandNewHintFilter"/>. The two only
    /// ever go together, since the hint must not outlive the message whose activation it serves.
    /// </summary>
    public static ISiloBuilder SkipReadsOfBrandNewGrains(this ISiloBuilder silo, string storageName)
    {
        BrandNewAwareGrainStorage.Decorate(silo.Services, storageName);
        return silo.AddIncomingGrainCallFilter<BrandNewHintFilter>();
    }
}
