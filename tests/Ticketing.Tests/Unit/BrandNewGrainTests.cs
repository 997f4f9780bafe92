using System.Reflection;
using Orleans.Storage;
using Ticketing.Common;

namespace Ticketing.Tests.Unit;

/// <summary>Only the grain a caller announced as brand new skips its read; every other grain reads as before.</summary>
public sealed class BrandNewGrainTests
{
    private static readonly GrainId NewOrder = GrainId.Create("order", "new-order");
    private static readonly GrainId ItsEvent = GrainId.Create("event", "its-event");

    [Fact]
    public async Task TheAnnouncedGrainStartsEmptyWithoutAReadOfStorage()
    {
        var stored = new RecordingStorage();
        var storage = new BrandNewAwareGrainStorage(stored);
        var state = new GrainState<Counter>(new Counter());

        using (BrandNewGrain.Announce(NewOrder))
        {
            await storage.ReadStateAsync("order", NewOrder, state);
        }

        Assert.Equal((0, null, false, 0), (stored.Reads.Count, state.ETag, state.RecordExists, state.State!.Value));
    }

    [Fact]
    public async Task GrainsItCallsStillReadTheirState()
    {
        var stored = new RecordingStorage();
        var storage = new BrandNewAwareGrainStorage(stored);
        var state = new GrainState<Counter>(new Counter());

        using (BrandNewGrain.Announce(NewOrder))
        {
            await storage.ReadStateAsync("event", ItsEvent, state);
        }

        Assert.Equal((ItsEvent, "7", 42), (stored.Reads.Single(), state.ETag, state.State!.Value));
    }

    [Fact]
    public async Task AfterTheAnnouncingCallTheSameGrainReadsAgain()
    {
        var stored = new RecordingStorage();
        var storage = new BrandNewAwareGrainStorage(stored);
        using (BrandNewGrain.Announce(NewOrder))
        {
        }

        await storage.ReadStateAsync("order", NewOrder, new GrainState<Counter>(new Counter()));

        Assert.Equal([NewOrder], stored.Reads);
    }

    [Fact]
    public async Task TheGrainMethodAndEverythingItSendsNoLongerCarryTheHint()
    {
        var call = DispatchProxy.Create<IIncomingGrainCallContext, RecordingCall>();
        var seen = (RecordingCall)(object)call;

        using (BrandNewGrain.Announce(NewOrder))
        {
            await new BrandNewHintFilter().Invoke(call);
        }

        Assert.Equal((1, false), (seen.Invocations, seen.AnnouncedDuringTheCall));
    }

    /// <summary>An incoming call whose grain method notes whether the hint was still in its request context.</summary>
    public class RecordingCall : DispatchProxy
    {
        public int Invocations { get; private set; }

        public bool AnnouncedDuringTheCall { get; private set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name != nameof(IIncomingGrainCallContext.Invoke))
            {
                throw new NotSupportedException(targetMethod?.Name);
            }

            Invocations++;
            AnnouncedDuringTheCall = BrandNewGrain.IsAnnounced(NewOrder);
            return Task.CompletedTask;
        }
    }

    public sealed class Counter
    {
        public int Value { get; set; }
    }

    private sealed class RecordingStorage : IGrainStorage
    {
        public List<GrainId> Reads { get; } = [];

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Reads.Add(grainId);
            ((Counter)(object)grainState.State!).Value = 42;
            grainState.ETag = "7";
            grainState.RecordExists = true;
            return Task.CompletedTask;
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw new NotSupportedException();

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw new NotSupportedException();
    }
}
