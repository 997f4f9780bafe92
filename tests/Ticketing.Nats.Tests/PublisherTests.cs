using Microsoft.Extensions.Logging.Abstractions;
using Ticketing.Hosting.Streaming;
using Ticketing.Integration;
using Ticketing.Nats.Tests.Support;

namespace Ticketing.Nats.Tests;

/// <summary>The JetStream publisher on its own: what a republish after a crash looks like to a subscriber.</summary>
[Collection(NatsGatewayCollection.Name)]
public sealed class PublisherTests(TicketingGateway gateway)
{
    [Fact]
    public async Task AnEventPublishedTwiceIsStoredOnceThanksToItsMessageId()
    {
        var settings = new StreamingSettings { Kind = StreamsKind.Nats, NatsUrl = gateway.Nats!.Url };
        await using var publisher = new NatsIntegrationEventPublisher(settings, NullLogger<NatsIntegrationEventPublisher>.Instance);
        await using var reader = IntegrationEventReader.Start(gateway.Nats.Url);
        var orderId = Ids.New();
        var cancelled = IntegrationEvent.Of(orderId, 3, DateTime.UtcNow, new OrderCancelled(Orders.CancelReason.Expired, Ids.New(), null));
        var next = IntegrationEvent.Of(orderId, 4, DateTime.UtcNow, new OrderCompleted(Ids.New(), null, 1m));
        await Eventually.TrueAsync(() => publisher.IsAvailable, TimeSpan.FromSeconds(10), "the publisher connects");

        Assert.Equal(1, await publisher.PublishAsync([cancelled], CancellationToken.None));
        Assert.Equal(2, await publisher.PublishAsync([cancelled, next], CancellationToken.None));

        await reader.WaitUntilAsync(events => events.Any(e => e.Id == next.Id), TimeSpan.FromSeconds(10), "the next event arrives");
        Assert.Equal([cancelled.Id, next.Id], reader.Received.Where(e => e.EntityId == orderId).Select(e => e.Id));
        Assert.Equal((2, 1), (publisher.Published, publisher.Duplicates));
        var data = reader.Received.Single(e => e.Id == cancelled.Id).Data;
        Assert.Equal("expired", data.Str("reason"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("eventId").ValueKind);
    }
}
