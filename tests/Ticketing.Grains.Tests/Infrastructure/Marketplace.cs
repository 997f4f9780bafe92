using Orleans.Runtime;
using Orleans.Storage;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Events;
using Ticketing.Orders;
using Ticketing.Payments;
using Ticketing.Tickets;

namespace Ticketing.Grains.Tests.Infrastructure;

/// <summary>Short ways to set up the market through the grains' own contracts, each with a fresh key.</summary>
public sealed class Marketplace(ClusterFixture fixture)
{
    public const decimal TicketPrice = 42.50m;

    public IGrainFactory Grains => fixture.Grains;

    public ITicketGrain Ticket(string id) => Grains.GetGrain<ITicketGrain>(id);

    public IEventGrain Event(string id) => Grains.GetGrain<IEventGrain>(id);

    public IOrderGrain Order(string id) => Grains.GetGrain<IOrderGrain>(id);

    public IPaymentGrain Payment(string orderId) => Grains.GetGrain<IPaymentGrain>(orderId);

    public async Task<TicketView> ListTicketAsync(string? sellerId = null, string title = "Front row", decimal price = TicketPrice) =>
        await Ticket(Ids.New()).CreateAsync(new CreateTicket(title, price, sellerId ?? Ids.New()));

    public async Task<EventView> CreateEventAsync(
        int capacity, DateTime onSaleAt, int? maxPerUser = null, string? organizerId = null, decimal price = TicketPrice) =>
        await Event(Ids.New()).CreateAsync(
            new CreateEvent("Open air", price, capacity, onSaleAt, maxPerUser, organizerId ?? Ids.New()));

    /// <summary>Places an order that must succeed and returns it.</summary>
    public async Task<OrderView> PlaceAsync(string buyerId, string? ticketId = null, string? eventId = null)
    {
        var placed = await Order(Ids.New()).PlaceAsync(new PlaceOrder(buyerId, ticketId, eventId));
        Assert.Equal(OrderPlacementOutcome.Placed, placed.Outcome);
        return placed.Order!;
    }

    /// <summary>The ticket as the available-tickets listing shows it, or null when it is not listed.</summary>
    public async Task<TicketView?> FindListedAsync(string ticketId)
    {
        IndexPosition? after = null;
        do
        {
            var page = await Grains.TicketCatalog().ListAsync(after, 500);
            if (page.Items.FirstOrDefault(t => t.Id == ticketId) is { } listed)
            {
                return listed;
            }

            after = page.Next;
        }
        while (after is not null);

        return null;
    }

    /// <summary>The order as stored, read from grain storage without calling (and so without waking) the order.</summary>
    public Task<OrderState> ReadStoredOrderAsync(string orderId) => ReadStoredAsync<OrderState>(Order(orderId), "order");

    /// <summary>The ticket as stored, without calling it (a call could free an expired hold by itself).</summary>
    public Task<TicketState> ReadStoredTicketAsync(string ticketId) => ReadStoredAsync<TicketState>(Ticket(ticketId), "ticket");

    /// <summary>Deactivates a grain and waits until the cluster no longer lists it, so its next call activates it anew.</summary>
    public async Task DeactivateAsync(IAddressable grain)
    {
        await Grains.GetGrain<IManagementGrain>(0).DeactivateGrain(grain.GetGrainId());
        Assert.True(await LeavesMemoryAsync(grain, TimeSpan.FromSeconds(10)), $"{grain.GetGrainId()} did not deactivate.");
    }

    /// <summary>Polls the cluster's active grains until <paramref name="grain"/> is no longer among them, or the time is up.</summary>
    public async Task<bool> LeavesMemoryAsync(IAddressable grain, TimeSpan within)
    {
        var grainId = grain.GetGrainId();
        var management = Grains.GetGrain<IManagementGrain>(0);
        var stillActive = await Eventually.UntilAsync(
            async () => (await management.GetActiveGrains(grainId.Type)).Contains(grainId),
            active => !active,
            within);
        return !stillActive;
    }

    /// <summary>A grain's state as stored, read without calling the grain.</summary>
    public async Task<T> ReadStoredAsync<T>(IAddressable grain, string stateName)
        where T : new()
    {
        var storage = fixture.SiloServices[0].GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var stored = new GrainState<T>(new T());
        await storage.ReadStateAsync(stateName, grain.GetGrainId(), stored);
        return stored.State ?? new T();
    }

    /// <summary>A grain's reminder as the reminder table holds it, or null.</summary>
    public async Task<ReminderEntry?> ReadReminderAsync(IAddressable grain, string reminderName)
    {
        var table = fixture.SiloServices[0].GetRequiredService<IReminderTable>();
        return await table.ReadRow(grain.GetGrainId(), reminderName);
    }
}
