using System.Diagnostics;
using Ticketing.Nats.Tests.Support;
using Xunit.Abstractions;

namespace Ticketing.Nats.Tests;

/// <summary>A gateway whose NATS server the test kills and restarts: it has one of its own.</summary>
public sealed class OutageGateway : TicketingGateway;

[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<OutageGateway>
{
    public const string Name = "nats-outage";
}

[Collection(OutageCollection.Name)]
public sealed class NatsOutageTests(OutageGateway gateway, ITestOutputHelper output)
{
    // Generous for a loaded machine; a purchase waiting on NATS would wait until the restart, long after this.
    private static readonly TimeSpan FastEnough = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PurchasesSucceedWhileNatsIsDownAndTheirEventsArriveAfterItReturns()
    {
        await using var reader = IntegrationEventReader.Start(gateway.Nats!.Url);
        var organizer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 4);
        var expected = new List<(string Type, string EntityId)> { ("event.created", drop) };

        async Task BuyAsync()
        {
            var fan = await gateway.SignUpAsync();
            var clock = Stopwatch.StartNew();
            var order = await fan.OrderFromEventAsync(drop);
            var payment = await fan.PayAsync(order.Id());
            Assert.True(clock.Elapsed < FastEnough, $"ordering and paying took {clock.Elapsed.TotalSeconds:0.0} s");
            var seat = order.GetProperty("ticket").Id();
            expected.AddRange([
                ("order.created", order.Id()), ("ticket.created", seat), ("ticket.updated", seat),
                ("payment.created", payment), ("ticket.updated", seat), ("order.completed", order.Id()),
            ]);
        }

        await BuyAsync();
        await reader.WaitUntilAsync(events => events.Count == expected.Count, TimeSpan.FromSeconds(30), "the first purchase's events arrive");

        await gateway.Nats.KillAsync();
        for (var i = 0; i < 3; i++)
        {
            await BuyAsync();
        }

        expected.Add(("event.sold_out", drop));
        Assert.False(gateway.Publisher.IsAvailable);
        Assert.Equal(7, reader.Unique.Count);

        await gateway.Nats.RestartAsync();
        await reader.WaitUntilAsync(
            events => events.Count >= expected.Count, TimeSpan.FromSeconds(60), $"all {expected.Count} events arrive after the restart");

        var received = reader.Received;
        var unique = reader.Unique;
        Assert.Equal(
            expected.Select(e => $"{e.Type} {e.EntityId}").Order(StringComparer.Ordinal),
            unique.Select(e => $"{e.Type} {e.EntityId}").Order(StringComparer.Ordinal));
        IntegrationEventsTests.AssertEnvelopes(unique);
        IntegrationEventsTests.AssertVersionOrder(received);
        output.WriteLine(
            $"outage: published {gateway.Publisher.Published} (JetStream dropped {gateway.Publisher.Duplicates} republished), " +
            $"expected {expected.Count}, received {received.Count}, unique {unique.Count}, lost {expected.Count - unique.Count}, " +
            $"duplicates delivered before dedupe {received.Count - unique.Count}");
    }

    [Fact]
    public async Task ListingsAnswerWhileNatsIsDownAndShowWhatWasSoldMeanwhileOnceItReturns()
    {
        var seller = await gateway.SignUpAsync();
        using var client = gateway.CreateClient();
        await gateway.Nats!.KillAsync();

        var clock = Stopwatch.StartNew();
        var ticket = await seller.SellTicketAsync("Sold during the outage");
        var duringOutage = await client.GetJsonAsync("/api/tickets?limit=200");
        var answeredIn = clock.Elapsed;
        await gateway.Nats.RestartAsync();

        output.WriteLine($"outage: selling and listing answered in {answeredIn.TotalSeconds:0.0} s");
        Assert.True(answeredIn < FastEnough, $"selling and listing took {answeredIn.TotalSeconds:0.0} s");
        Assert.DoesNotContain(duringOutage.GetProperty("items").EnumerateArray(), t => t.Id() == ticket);
        await Eventually.TrueAsync(
            async () => (await client.GetJsonAsync("/api/tickets?limit=200")).GetProperty("items").EnumerateArray().Any(t => t.Id() == ticket),
            TimeSpan.FromSeconds(60), "the ticket sold during the outage is listed after NATS returns");
    }
}
