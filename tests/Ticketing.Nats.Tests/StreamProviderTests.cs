using Microsoft.Extensions.DependencyInjection;
using Ticketing.Integration;
using Ticketing.Nats.Tests.Support;

namespace Ticketing.Nats.Tests;

[CollectionDefinition(Name)]
public sealed class TwoSiloCollection : ICollectionFixture<TwoSiloGateway>
{
    public const string Name = "nats-two-silos";
}

/// <summary>The Orleans NATS stream provider carries domain events to consumer grains, on either silo.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class StreamProviderTests(TwoSiloGateway cluster)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    private IGrainFactory FirstSiloGrains => cluster.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task AConsumerGrainReceivesATicketsChangesInVersionOrder()
    {
        var seller = await cluster.SignUpAsync();
        var buyer = await cluster.SignUpAsync();
        var ticket = await seller.SellTicketAsync();
        var recorder = FirstSiloGrains.GetGrain<IEventRecorderGrain>(Guid.NewGuid().ToString("N"));
        await recorder.WatchAsync(DomainStreams.Tickets, ticket);

        var order = await buyer.OrderTicketAsync(ticket);
        await buyer.PayAsync(order.Id());

        // The listing's own ticket.created (version 0) goes out right after the listing, maybe after the subscription.
        await Eventually.TrueAsync(
            async () => (await recorder.GetAsync()).Events.Any(e => e.Data is TicketUpdated { Change: TicketChange.Sold }),
            Within, "the sale arrives");
        var events = (await recorder.GetAsync()).Events.DistinctBy(e => e.Id).SkipWhile(e => e.Type == DomainEvents.TicketCreated).ToList();
        Assert.All(events, e => Assert.Equal((DomainEvents.TicketUpdated, ticket), (e.Type, e.EntityId)));
        Assert.Equal([TicketChange.Reserved, TicketChange.Sold], events.Select(e => ((TicketUpdated)e.Data).Change));
        Assert.Equal([1L, 2L], events.Select(e => e.Version));
        Assert.Equal(order.Id(), ((TicketUpdated)events[1].Data).OrderId);
    }

    [Fact]
    public async Task ConsumersOnBothSilosReceiveAnEventsChanges()
    {
        var organizer = await cluster.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 2);
        var key = Guid.NewGuid().ToString("N");
        var onFirst = FirstSiloGrains.GetGrain<IEventRecorderGrain>(key + "-a");
        var onSecond = cluster.SecondSiloGrains.GetGrain<IEventRecorderGrain>(key + "-b");
        await onFirst.WatchAsync(DomainStreams.Events, drop);
        await onSecond.WatchAsync(DomainStreams.Events, drop);
        Assert.NotEqual((await onFirst.GetAsync()).Silo, (await onSecond.GetAsync()).Silo);

        foreach (var fan in new[] { await cluster.SignUpAsync(), await cluster.SignUpAsync() })
        {
            await fan.OrderFromEventAsync(drop);
        }

        foreach (var recorder in new[] { onFirst, onSecond })
        {
            await Eventually.TrueAsync(
                async () => (await recorder.GetAsync()).Events.Any(e => e.Type == DomainEvents.EventSoldOut)
                    && (await recorder.GetAsync()).Events.LastOrDefault(e => e.Type == DomainEvents.EventAvailabilityChanged)?.Data
                        is EventAvailabilityChanged { Available: 0 },
                Within, "the sold-out event and the last counters arrive");
        }

        var first = (await onFirst.GetAsync()).Events.DistinctBy(e => e.Id).ToList();
        var second = (await onSecond.GetAsync()).Events.DistinctBy(e => e.Id).ToList();
        Assert.Equal(
            first.Single(e => e.Type == DomainEvents.EventSoldOut).Id,
            second.Single(e => e.Type == DomainEvents.EventSoldOut).Id);
        foreach (var events in new[] { first, second })
        {
            var versions = events.Where(e => e.Type == DomainEvents.EventAvailabilityChanged).Select(e => e.Version).ToList();
            Assert.True(versions.Zip(versions.Skip(1)).All(p => p.First < p.Second), string.Join(", ", versions));
            Assert.All(events, e => Assert.Equal(drop, e.EntityId));
        }
    }
}
