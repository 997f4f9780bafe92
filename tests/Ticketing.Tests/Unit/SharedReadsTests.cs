using System.Collections.Concurrent;
using Ticketing.Gateway.Infrastructure;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Unit;

/// <summary>
/// Requests for one key that arrive while it is being read share the next read; none is answered from a read that
/// began before it arrived. The reads here finish only when the test says so, so the interleavings are chosen.
/// </summary>
public sealed class SharedReadsTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RequestsArrivingDuringAReadShareTheNextReadNotTheOneInFlight()
    {
        var reads = new GatedReads();
        var shared = new SharedReads<string, int>(reads.ReadAsync);

        var first = shared.ReadAsync("drop");
        await reads.StartedAsync(1);
        var later = Enumerable.Range(0, 50).Select(_ => shared.ReadAsync("drop")).ToArray();
        reads.Finish(1, value: 1);

        Assert.Equal(1, await first.WaitAsync(Deadline));
        await reads.StartedAsync(2);
        Assert.All(later, request => Assert.False(request.IsCompleted));
        reads.Finish(2, value: 2);

        Assert.All(await Task.WhenAll(later).WaitAsync(Deadline), value => Assert.Equal(2, value));
        Assert.Equal(2, reads.Started);
    }

    [Fact]
    public async Task AKeyNobodyIsReadingIsReadAtOnceAndForgotten()
    {
        var reads = new GatedReads();
        var shared = new SharedReads<string, int>(reads.ReadAsync);

        var first = shared.ReadAsync("drop");
        await reads.StartedAsync(1);
        reads.Finish(1, value: 7);
        Assert.Equal(7, await first.WaitAsync(Deadline));

        var again = shared.ReadAsync("drop");
        await reads.StartedAsync(2);
        reads.Finish(2, value: 8);

        Assert.Equal(8, await again.WaitAsync(Deadline));
        await Eventually.TrueAsync(() => Task.FromResult(shared.KeysInFlight == 0), Deadline, "the key is forgotten");
    }

    [Fact]
    public async Task DifferentKeysAreReadSeparately()
    {
        var reads = new GatedReads();
        var shared = new SharedReads<string, int>(reads.ReadAsync);

        var one = shared.ReadAsync("one");
        var other = shared.ReadAsync("other");
        await reads.StartedAsync(2);
        reads.Finish(1, value: 1);
        reads.Finish(2, value: 2);

        Assert.Equal((1, 2), (await one.WaitAsync(Deadline), await other.WaitAsync(Deadline)));
    }

    [Fact]
    public async Task AFailedReadFailsOnlyTheRequestsItServedAndTheNextRequestReadsAfresh()
    {
        var reads = new GatedReads();
        var shared = new SharedReads<string, int>(reads.ReadAsync);

        var first = shared.ReadAsync("drop");
        await reads.StartedAsync(1);
        var sharing = shared.ReadAsync("drop");
        reads.Finish(1, value: 1);
        await reads.StartedAsync(2);
        reads.Fail(2, new TimeoutException("the silo did not answer"));

        Assert.Equal(1, await first.WaitAsync(Deadline));
        await Assert.ThrowsAsync<TimeoutException>(() => sharing.WaitAsync(Deadline));

        var afterwards = shared.ReadAsync("drop");
        await reads.StartedAsync(3);
        reads.Finish(3, value: 3);
        Assert.Equal(3, await afterwards.WaitAsync(Deadline));
    }

    [Fact]
    public async Task ARequestThatGivesUpLeavesTheReadToTheOthers()
    {
        var reads = new GatedReads();
        var shared = new SharedReads<string, int>(reads.ReadAsync);
        using var leaving = new CancellationTokenSource();

        var starter = shared.ReadAsync("drop", leaving.Token);
        await reads.StartedAsync(1);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => starter.WaitAsync(Deadline));
        var waiting = shared.ReadAsync("drop");
        reads.Finish(1, value: 1);
        await reads.StartedAsync(2);
        reads.Finish(2, value: 2);

        Assert.Equal(2, await waiting.WaitAsync(Deadline));
    }

    [Fact]
    public async Task ManyConcurrentRequestsAllGetAnAnswerFromFarFewerReads()
    {
        var started = 0;
        var shared = new SharedReads<string, int>(async _ =>
        {
            var number = Interlocked.Increment(ref started);
            await Task.Delay(TimeSpan.FromMilliseconds(5)); // a read's round trip, so that requests overlap it
            return number;
        });

        var answers = new ConcurrentBag<int>();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                var before = Volatile.Read(ref started);
                var answer = await shared.ReadAsync("drop");
                Assert.True(answer > before, $"answered from read {answer}, which began before the request (after read {before})");
                answers.Add(answer);
            }
        }))).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(16 * 200, answers.Count);
        Assert.True(started < answers.Count / 2, $"{started} reads for {answers.Count} requests");
    }

    /// <summary>Reads that report when they start and finish when told, numbered in the order they started.</summary>
    private sealed class GatedReads
    {
        private readonly ConcurrentDictionary<int, TaskCompletionSource<int>> gates = new();
        private int started;

        public int Started => Volatile.Read(ref started);

        public Task<int> ReadAsync(string key)
        {
            var number = Interlocked.Increment(ref started);
            return Gate(number).Task;
        }

        public Task StartedAsync(int count) =>
            Eventually.TrueAsync(() => Task.FromResult(Started >= count), Deadline, $"read {count} starts");

        public void Finish(int number, int value) => Gate(number).SetResult(value);

        public void Fail(int number, Exception exception) => Gate(number).SetException(exception);

        private TaskCompletionSource<int> Gate(int number) =>
            gates.GetOrAdd(number, _ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
