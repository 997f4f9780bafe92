using System.Net;
using Ticketing.Nats.Tests.Support;
using Ticketing.Testing;

namespace Ticketing.Nats.Tests;

[CollectionDefinition(Name)]
public sealed class MemoryStreamsCollection : ICollectionFixture<MemoryStreamsGateway>
{
    public const string Name = "memory-streams";
}

/// <summary>The live feed over the embedded default's memory streams.</summary>
[Collection(MemoryStreamsCollection.Name)]
public sealed class LiveAvailabilityOverMemoryStreamsTests(MemoryStreamsGateway gateway) : LiveAvailabilityTests(gateway);

/// <summary>The live feed over the Orleans NATS provider.</summary>
[Collection(NatsGatewayCollection.Name)]
public sealed class LiveAvailabilityOverNatsTests(TicketingGateway gateway) : LiveAvailabilityTests(gateway);

/// <summary><c>GET /api/events/{id}/live</c>: Server-Sent Events of an event's counters.</summary>
public abstract class LiveAvailabilityTests(TicketingGateway gateway)
{
    // How long a change may take to reach a watcher.
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AWatcherSeesTheCounterFallAsOrdersArePlacedAndRiseWhenTheyExpire()
    {
        var organizer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 3);
        await using var watcher = await SseReader.OpenAsync(gateway.CreateClient(), drop);
        Assert.Equal("text/event-stream", watcher.ContentType);
        await watcher.WaitForAsync(m => m == (3, 0), Within, "the counters arrive at once");

        await (await gateway.SignUpAsync()).OrderFromEventAsync(drop);
        await watcher.WaitForAsync(m => m.Available == 2, Within, "the counter falls to 2");
        await (await gateway.SignUpAsync()).OrderFromEventAsync(drop);
        await watcher.WaitForAsync(m => m.Available == 1, Within, "the counter falls to 1");
        await watcher.WaitForAsync(m => m.Available == 3, Within, "the counter rises back to 3 as the orders expire");

        var seen = watcher.Messages.Select(m => m.Available).ToList();
        Assert.Equal(3, seen[0]);
        var lowest = seen.IndexOf(1);
        Assert.True(seen.Take(lowest + 1).Zip(seen.Skip(1).Take(lowest)).All(p => p.First > p.Second), string.Join(", ", seen));
        Assert.True(seen.Skip(lowest).Zip(seen.Skip(lowest + 1)).All(p => p.First < p.Second), string.Join(", ", seen));
        Assert.All(watcher.Messages, m => Assert.Equal(0, m.Sold));
    }

    [Fact]
    public async Task ManyWatchersOfOneEventShareOneSubscriptionThatEndsWithTheLastOfThem()
    {
        var organizer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 5);
        var watchers = new List<SseReader>();
        for (var i = 0; i < 40; i++)
        {
            watchers.Add(await SseReader.OpenAsync(gateway.CreateClient(), drop));
        }

        var subscriptions = gateway.LiveHub.Subscriptions;
        Assert.Equal(40, gateway.LiveHub.WatchersOf(drop));
        await (await gateway.SignUpAsync()).OrderFromEventAsync(drop);
        foreach (var watcher in watchers)
        {
            await watcher.WaitForAsync(m => m == (4, 0), Within, "every watcher sees the order");
        }

        Assert.Equal(subscriptions, gateway.LiveHub.Subscriptions);
        foreach (var watcher in watchers)
        {
            await watcher.DisposeAsync();
        }

        await Eventually.TrueAsync(() => gateway.LiveHub.WatchersOf(drop) == 0, TimeSpan.FromSeconds(10), "the watchers are gone");
        Assert.Equal(subscriptions - 1, gateway.LiveHub.Subscriptions);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-an-id")]
    public async Task AnUnknownEventIsNotFound(string id)
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync($"/api/events/{id}/live");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("event_not_found", (await response.AssertJsonAsync(HttpStatusCode.NotFound)).Str("code"));
    }
}
