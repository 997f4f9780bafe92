using Microsoft.Extensions.Time.Testing;
using Ticketing.Gateway.Infrastructure;

namespace Ticketing.Tests.Unit;

public sealed class PacedFanOutTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly FakeTimeProvider time = new();
    private int runs;

    [Fact]
    public void FirstRequestFansOutAtOnce()
    {
        using var pacing = Paced();

        pacing.Request();

        Assert.Equal(1, runs);
    }

    [Fact]
    public void RequestsWithinTheIntervalAreServedByOneFanOutAtItsEnd()
    {
        using var pacing = Paced();
        pacing.Request();

        time.Advance(TimeSpan.FromMilliseconds(30));
        pacing.Request();
        pacing.Request();
        pacing.Request();
        var meanwhile = runs;
        time.Advance(TimeSpan.FromMilliseconds(69));
        var justBefore = runs;
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(1, meanwhile);
        Assert.Equal(1, justBefore);
        Assert.Equal(2, runs);
    }

    [Fact]
    public void RequestAfterTheIntervalFansOutAtOnce()
    {
        using var pacing = Paced();
        pacing.Request();

        time.Advance(Interval);
        pacing.Request();

        Assert.Equal(2, runs);
    }

    [Fact]
    public void PutOffFanOutStartsTheNextInterval()
    {
        using var pacing = Paced();
        pacing.Request();
        time.Advance(TimeSpan.FromMilliseconds(50));
        pacing.Request();
        time.Advance(TimeSpan.FromMilliseconds(50));

        time.Advance(TimeSpan.FromMilliseconds(60));
        pacing.Request();
        var withinTheNext = runs;
        time.Advance(TimeSpan.FromMilliseconds(40));

        Assert.Equal(2, withinTheNext);
        Assert.Equal(3, runs);
    }

    [Fact]
    public async Task ConcurrentRequestsFanOutOncePerInterval()
    {
        using var pacing = Paced();
        using var start = new Barrier(8);

        // Threads of their own, so the barrier does not wait for the thread pool to grow.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (var i = 0; i < 1_000; i++)
                {
                    pacing.Request();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)));
        var atOnce = runs;
        time.Advance(Interval);

        Assert.Equal(1, atOnce);
        Assert.Equal(2, runs);
    }

    [Fact]
    public void DisposedPacingDropsTheFanOutItPutOff()
    {
        var pacing = Paced();
        pacing.Request();
        pacing.Request();

        pacing.Dispose();
        time.Advance(Interval);

        Assert.Equal(1, runs);
    }

    private PacedFanOut Paced() => new(time, Interval, () => Interlocked.Increment(ref runs));
}
