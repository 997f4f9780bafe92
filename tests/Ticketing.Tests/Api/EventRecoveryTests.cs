using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Events;
using Ticketing.Testing;
using Ticketing.Tests.Support;
using Ticketing.Tickets;

namespace Ticketing.Tests.Api;

/// <summary>
/// A gateway whose events answer as soon as they are activated again, as a large event does while it asks its seats'
/// tickets who holds them; tests may hold those answers back.
/// </summary>
public sealed class QuickRecallGateway : GatewayFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(base.Settings)
    {
        [$"{EventOptions.Section}:{nameof(EventOptions.LedgerRecallWait)}"] = "00:00:00",
    };

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<IOutgoingGrainCallFilter, RecallGate>();
}

[CollectionDefinition(Name)]
public sealed class QuickRecallCollection : ICollectionFixture<QuickRecallGateway>
{
    public const string Name = "quick-recall";
}

[Collection(QuickRecallCollection.Name)]
public sealed class EventRecoveryTests(QuickRecallGateway gateway)
{
    [Fact]
    public async Task AnOrderWhileTheEventRecountsItsSeatsIs503EventRecoveringWithRetryAfterAndThenSucceeds()
    {
        var organizer = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 3);
        await buyer.OrderFromEventAsync(drop.Id());
        var grains = gateway.Services.GetRequiredService<IGrainFactory>();
        using var watcher = gateway.CreateClient();

        using (RecallGate.Hold(grains.GetGrain<ITicketGrain>(Ids.SeatTicketId(drop.Id(), 1))))
        {
            await DeactivateAsync(grains, grains.GetGrain<IEventGrain>(drop.Id()));
            var recounting = await watcher.GetJsonAsync($"/api/events/{drop.Id()}");
            using var refused = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() });

            Assert.Equal((0, 0), (recounting.GetProperty("available").GetInt32(), recounting.GetProperty("sold").GetInt32()));
            await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "event_recovering");
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        }

        await Eventually.TrueAsync(
            async () => await watcher.AvailableSeatsAsync(drop.Id()) == 2,
            TimeSpan.FromSeconds(10), "the event counts its seats again once its tickets answered");
        Assert.Equal("created", (await buyer.OrderFromEventAsync(drop.Id())).Str("status"));
    }

    private static async Task DeactivateAsync(IGrainFactory grains, IAddressable grain)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        await management.DeactivateGrain(grain.GetGrainId());
        await Eventually.TrueAsync(
            async () => !(await management.GetActiveGrains(grain.GetGrainId().Type)).Contains(grain.GetGrainId()),
            TimeSpan.FromSeconds(10), "the event leaves memory");
    }
}
