using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Ticketing.Common;
using Ticketing.Orders;
using Ticketing.Tests.Infrastructure;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Durable;

/// <summary>New orders skip the read of state that cannot exist; a wrong hint could never overwrite an order.</summary>
[Collection(DurableCollection.Name)]
public sealed class BrandNewOrderTests(PostgresServer database)
{
    [Fact]
    public async Task AnOrderWronglyAnnouncedAsBrandNewCannotBeOverwrittenAndStaysReadable()
    {
        var gateway = new DurableGateway(DurableSettings.For(database, "brand-new-" + Ids.New()[..8]));
        await gateway.InitializeAsync();
        try
        {
            var seller = await gateway.SignUpAsync();
            var buyer = await gateway.SignUpAsync();
            var placed = await buyer.OrderTicketAsync((await seller.SellTicketAsync("stays")).Id());
            var storage = gateway.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
            var order = gateway.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrderGrain>(placed.Id()).GetGrainId();

            var believed = new GrainState<OrderState>(new OrderState());
            using (BrandNewGrain.Announce(order))
            {
                await storage.ReadStateAsync("order", order, believed);
                believed.State = believed.State! with { UserId = "impostor" };
                await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("order", order, believed));
            }

            var stored = new GrainState<OrderState>(new OrderState());
            await storage.ReadStateAsync("order", order, stored);
            var served = await buyer.Client.GetJsonAsync($"/api/orders/{placed.Id()}");
            Assert.Equal(
                (buyer.Id, OrderStatus.Created, "created"),
                (stored.State!.UserId, stored.State.Status, served.Str("status")));
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }
}
