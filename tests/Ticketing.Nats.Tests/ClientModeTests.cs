using Ticketing.Nats.Tests.Support;

namespace Ticketing.Nats.Tests;

[CollectionDefinition(Name)]
public sealed class ClientModeCollection : ICollectionFixture<ClientModeGateway>
{
    public const string Name = "client-mode-nats";
}

[CollectionDefinition(Name)]
public sealed class ClientModeMemoryStreamsCollection : ICollectionFixture<ClientModeMemoryStreamsGateway>
{
    public const string Name = "client-mode-memory-streams";
}

/// <summary>The live feed of a client-mode gateway, its silo in another process, over NATS.</summary>
[Collection(ClientModeCollection.Name)]
public sealed class LiveAvailabilityInClientModeOverNatsTests(ClientModeGateway gateway) : LiveAvailabilityTests(gateway);

/// <summary>The live feed of a client-mode gateway, its silo in another process, over memory streams.</summary>
[Collection(ClientModeMemoryStreamsCollection.Name)]
public sealed class LiveAvailabilityInClientModeOverMemoryStreamsTests(ClientModeMemoryStreamsGateway gateway) : LiveAvailabilityTests(gateway);

/// <summary>The listings read through a client-mode gateway, over NATS.</summary>
[Collection(ClientModeCollection.Name)]
public sealed class ListingsInClientModeOverNatsTests(ClientModeGateway gateway) : ListingTests(gateway);
