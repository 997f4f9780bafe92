using System.Text.Json;
using Ticketing.Nats.Tests.Support;
using Xunit.Abstractions;

namespace Ticketing.Nats.Tests;

[CollectionDefinition(Name)]
public sealed class NatsGatewayCollection : ICollectionFixture<TicketingGateway>
{
    public const string Name = "nats-gateway";
}

/// <summary>A gateway and NATS server for the scenario alone: everything on its TICKETING stream is the scenario's.</summary>
public sealed class ScenarioGateway : TicketingGateway;

[CollectionDefinition(Name)]
public sealed class ScenarioCollection : ICollectionFixture<ScenarioGateway>
{
    public const string Name = "nats-scenario";
}

/// <summary>What another cluster sees on the JetStream stream TICKETING while the marketplace is used through HTTP.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class IntegrationEventsTests(ScenarioGateway gateway, ITestOutputHelper output)
{
    [Fact]
    public async Task AScriptedScenarioPublishesExactlyItsIntegrationEventsInVersionOrder()
    {
        await using var reader = IntegrationEventReader.Start(gateway.Nats!.Url);
        var seller = await gateway.SignUpAsync();
        var canceller = await gateway.SignUpAsync();
        var forgetter = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var organizer = await gateway.SignUpAsync();
        var fans = new[] { await gateway.SignUpAsync(), await gateway.SignUpAsync() };
        var expected = new List<(string Type, string EntityId)>();
        void Expect(string type, string entityId) => expected.Add((type, entityId));

        // Sell; reserve and cancel; reserve and let expire; reserve and pay.
        var ticket = await seller.SellTicketAsync();
        Expect("ticket.created", ticket);
        var cancelled = (await canceller.OrderTicketAsync(ticket)).Id();
        Expect("order.created", cancelled);
        Expect("ticket.updated", ticket);
        await canceller.CancelOrderAsync(cancelled);
        Expect("order.cancelled", cancelled);
        Expect("ticket.updated", ticket);
        var expired = (await forgetter.OrderTicketAsync(ticket)).Id();
        Expect("order.created", expired);
        Expect("ticket.updated", ticket);
        await Eventually.TrueAsync(
            async () => (await forgetter.Client.GetJsonAsync($"/api/orders/{expired}")).Str("status") == "cancelled",
            TimeSpan.FromSeconds(10), "the unpaid order expires");
        Expect("order.cancelled", expired);
        Expect("ticket.updated", ticket);
        var paid = (await buyer.OrderTicketAsync(ticket)).Id();
        Expect("order.created", paid);
        Expect("ticket.updated", ticket);
        var payment = await buyer.PayAsync(paid);
        Expect("payment.created", payment);
        Expect("ticket.updated", ticket);
        Expect("order.completed", paid);

        // An event of two seats sells out.
        var drop = await organizer.CreateEventAsync(capacity: 2);
        Expect("event.created", drop);
        foreach (var fan in fans)
        {
            var order = await fan.OrderFromEventAsync(drop);
            var seat = order.GetProperty("ticket").Id();
            Expect("order.created", order.Id());
            Expect("ticket.created", seat);
            Expect("ticket.updated", seat);
            Expect("payment.created", await fan.PayAsync(order.Id()));
            Expect("ticket.updated", seat);
            Expect("order.completed", order.Id());
        }

        Expect("event.sold_out", drop);

        // A last change after everything else: once it is out, anything the scenario caused is out too.
        var marker = await seller.SellTicketAsync("Marker");
        Expect("ticket.created", marker);
        await reader.WaitUntilAsync(
            events => events.Any(e => e.EntityId == marker) && events.Count >= expected.Count,
            TimeSpan.FromSeconds(30), $"{expected.Count} integration events arrive");

        var received = reader.Received;
        var unique = reader.Unique;
        Assert.Equal(Sorted(expected), Sorted(unique.Select(e => (e.Type, e.EntityId))));
        AssertEnvelopes(unique);
        AssertVersionOrder(received);

        Assert.Equal(
            ["reserved", "released", "reserved", "released", "reserved", "sold"],
            unique.Where(e => e.EntityId == ticket && e.Type == "ticket.updated").Select(e => e.Data.Str("change")));
        Assert.Equal("user", Single(unique, "order.cancelled", cancelled).Data.Str("reason"));
        Assert.Equal("expired", Single(unique, "order.cancelled", expired).Data.Str("reason"));
        Assert.Equal(paid, Single(unique, "payment.created", payment).Data.Str("orderId"));
        var soldOut = Single(unique, "event.sold_out", drop).Data;
        Assert.Equal((2, 1), (soldOut.GetProperty("capacity").GetInt32(), soldOut.GetProperty("sold").GetInt32()));

        output.WriteLine(
            $"scenario: published {gateway.Publisher.Published} (JetStream dropped {gateway.Publisher.Duplicates} republished), " +
            $"expected {expected.Count}, received {received.Count}, unique {unique.Count}, lost {expected.Count - unique.Count}, " +
            $"duplicates delivered before dedupe {received.Count - unique.Count}");
    }

    private static ReceivedEvent Single(IReadOnlyList<ReceivedEvent> events, string type, string entityId) =>
        Assert.Single(events, e => e.Type == type && e.EntityId == entityId);

    private static List<string> Sorted(IEnumerable<(string Type, string EntityId)> events) =>
        events.Select(e => $"{e.Type} {e.EntityId}").Order(StringComparer.Ordinal).ToList();

    internal static void AssertEnvelopes(IEnumerable<ReceivedEvent> events)
    {
        foreach (var e in events)
        {
            Assert.Equal("ticketing." + e.Type, e.Subject);
            Assert.Equal(e.Id, e.MsgIdHeader);
            Assert.Matches("^[0-9a-f]{32}$", e.Id);
            Assert.Equal(JsonValueKind.Object, e.Data.ValueKind);
            Assert.True(e.OccurredAt > DateTime.UtcNow.AddMinutes(-10) && e.OccurredAt <= DateTime.UtcNow.AddSeconds(5), $"{e.Type} occurredAt {e.OccurredAt:o}");
        }
    }

    /// <summary>Per entity, versions only grow in the order the events arrive (first arrival of each id).</summary>
    internal static void AssertVersionOrder(IEnumerable<ReceivedEvent> received)
    {
        foreach (var entity in received.DistinctBy(e => e.Id).GroupBy(e => e.EntityId))
        {
            var versions = entity.Select(e => e.Version).ToList();
            Assert.True(
                versions.Zip(versions.Skip(1)).All(p => p.First < p.Second),
                $"events of {entity.Key} arrived in version order {string.Join(", ", versions)}");
        }
    }
}

internal static class JsonData
{
    public static string Str(this JsonElement data, string property) => data.GetProperty(property).GetString()!;
}
