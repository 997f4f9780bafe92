using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Ticketing.Common;
using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Orders;

namespace Ticketing.Grains.Tests;

/// <summary>The embedded default's grain store behaves like a database row: a copy, a version, and no lost update.</summary>
public sealed class InProcessGrainStorageTests
{
    private const string StateName = "order";
    private static readonly GrainId Order = GrainId.Create("order", "0123456789abcdef0123456789abcdef");

    [Fact]
    public async Task AStateNeverWrittenReadsEmptyWithoutAVersion()
    {
        var state = new GrainState<OrderState>(new OrderState { UserId = "left over" });

        await NewStorage().ReadStateAsync(StateName, Order, state);

        Assert.Equal(("", null, false), (state.State!.UserId, state.ETag, state.RecordExists));
    }

    [Fact]
    public async Task AWrittenStateReadsBackAsACopyWithItsVersion()
    {
        var storage = NewStorage();
        var written = new GrainState<OrderState>(new OrderState { UserId = "buyer", Version = 3 });
        await storage.WriteStateAsync(StateName, Order, written);

        var read = new GrainState<OrderState>(new OrderState());
        await storage.ReadStateAsync(StateName, Order, read);

        Assert.Equal(("buyer", 3, written.ETag, true), (read.State!.UserId, read.State.Version, read.ETag, read.RecordExists));
        Assert.NotNull(written.ETag);
        Assert.NotSame(written.State, read.State);
    }

    [Fact]
    public async Task AWriteFromAStaleVersionIsRefusedAndLeavesTheStoredStateAlone()
    {
        var storage = NewStorage();
        var first = new GrainState<OrderState>(new OrderState { UserId = "first" });
        await storage.WriteStateAsync(StateName, Order, first);
        var stale = new GrainState<OrderState>(new OrderState { UserId = "stale" }) { ETag = null };

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Order, stale));

        var read = new GrainState<OrderState>(new OrderState());
        await storage.ReadStateAsync(StateName, Order, read);
        Assert.Equal(("first", first.ETag), (read.State!.UserId, read.ETag));
    }

    [Fact]
    public async Task OfManyWritersFromTheSameVersionExactlyOneWins()
    {
        const int Rounds = 200;
        const int Writers = 8;
        var storage = NewStorage();
        var winnersPerRound = new List<int>();
        for (var round = 0; round < Rounds; round++)
        {
            var order = GrainId.Create("order", $"race-{round}");
            var origin = new GrainState<OrderState>(new OrderState { UserId = "origin" });
            await storage.WriteStateAsync(StateName, order, origin);

            var won = 0;
            Together.Run(Writers, i =>
            {
                var writer = new GrainState<OrderState>(new OrderState { UserId = $"writer-{i}" }) { ETag = origin.ETag };
                try
                {
                    storage.WriteStateAsync(StateName, order, writer).GetAwaiter().GetResult();
                    Interlocked.Increment(ref won);
                }
                catch (InconsistentStateException)
                {
                }
            });
            winnersPerRound.Add(won);
        }

        Assert.All(winnersPerRound, won => Assert.Equal(1, won));
    }

    [Fact]
    public async Task ClearingRemovesTheStateAndANewWriteStartsItAgain()
    {
        var storage = NewStorage();
        var state = new GrainState<OrderState>(new OrderState { UserId = "buyer" });
        await storage.WriteStateAsync(StateName, Order, state);

        await storage.ClearStateAsync(StateName, Order, state);
        var afterClear = new GrainState<OrderState>(new OrderState());
        await storage.ReadStateAsync(StateName, Order, afterClear);
        state.State = new OrderState { UserId = "again" };
        await storage.WriteStateAsync(StateName, Order, state);

        Assert.Equal((false, null, true), (afterClear.RecordExists, afterClear.ETag, state.RecordExists));
    }

    [Fact]
    public async Task StatesOfTheSameGrainUnderDifferentNamesAreKeptApart()
    {
        var storage = NewStorage();
        await storage.WriteStateAsync("recent", Order, new GrainState<OrderState>(new OrderState { UserId = "recent" }));

        var other = new GrainState<OrderState>(new OrderState());
        await storage.ReadStateAsync("archive", Order, other);

        Assert.False(other.RecordExists);
    }

    private static InProcessGrainStorage NewStorage()
    {
        var services = new ServiceCollection().AddSerializer(serializer => serializer.AddAssembly(typeof(OrderState).Assembly)).BuildServiceProvider();
        return new InProcessGrainStorage("grains", new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()));
    }
}
