using System.Net;
using Ticketing.Common;
using Ticketing.Tests.Infrastructure;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Durable;

/// <summary>
/// A retry whose first attempt was answered by a gateway that has since gone away meets the stored order: the order a
/// key names is read from PostgreSQL, never started empty as a brand-new order would be.
/// </summary>
[Collection(DurableCollection.Name)]
public sealed class IdempotentOrderRestartTests(PostgresServer database)
{
    [Fact]
    public async Task RetryWithTheSameKeyAfterARestartReturnsTheStoredOrder()
    {
        var settings = DurableSettings.For(database, "idempotent-" + Ids.New()[..8]);
        var key = Guid.NewGuid().ToString();
        var before = new DurableGateway(settings);
        await before.InitializeAsync();
        var organizer = await before.SignUpAsync();
        var buyer = await before.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 3);
        using var first = await buyer.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() }, key);
        var placed = await first.AssertJsonAsync(HttpStatusCode.Created);
        await before.DisposeAsync();

        var after = new DurableGateway(settings);
        await after.InitializeAsync();
        try
        {
            using var client = after.CreateClient(buyer.Token);
            using var retry = await client.PostJsonAsync("/api/orders", new { eventId = drop.Id() }, key);

            var again = await retry.AssertJsonAsync(HttpStatusCode.Created);
            Assert.Equal(
                (placed.Id(), placed.GetProperty("ticket").Id(), placed.Str("expiresAt")),
                (again.Id(), again.GetProperty("ticket").Id(), again.Str("expiresAt")));
            Assert.Equal(2, await client.AvailableSeatsAsync(drop.Id()));
        }
        finally
        {
            await after.DisposeAsync();
        }
    }
}
