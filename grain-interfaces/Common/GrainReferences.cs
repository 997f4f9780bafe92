namespace Ticketing;

/// <summary>
/// References to string-keyed grains without the per-call reflection of <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string)"/>,
/// which resolves the interface's grain type from its attributes and name every time (about 2 % of the embedded
/// default's CPU in a drop, plus the garbage of those lookups). The first reference of each interface is made by
/// Orleans as usual; its grain type and interface type are kept, and every later one is built from them. For the
/// calls a reservation makes on its way; elsewhere the ordinary call is as good.
/// </summary>
public static class GrainReferences
{
    public static TGrain Reference<TGrain>(this IGrainFactory grains, string key)
        where TGrain : IGrainWithStringKey
    {
        if (Resolved<TGrain>.Types is not { } types)
        {
            var first = grains.GetGrain<TGrain>(key);
            var reference = (GrainReference)(object)first;
            Resolved<TGrain>.Types = new ResolvedTypes(reference.GrainId.Type, reference.InterfaceType);
            return first;
        }

        return (TGrain)grains.GetGrain(GrainId.Create(types.GrainType, key), types.InterfaceType);
    }

    // A reference, so that a thread reading it sees both types or none.
    private sealed record ResolvedTypes(GrainType GrainType, GrainInterfaceType InterfaceType);

    private static class Resolved<TGrain>
    {
        public static ResolvedTypes? Types;
    }
}
