using Orleans.Streams;
using Orleans.Streams.Core;
using Ticketing.Integration;

namespace Ticketing.Indexes;

/// <summary>
/// A catalog's listing stream, which the catalog subscribes to implicitly (durable: no subscription record to lose,
/// on any silo), and the catch-up that gives its reads what every write that already returned has published.
/// <para>
/// Writers publish their change on the listing stream before they answer (see <c>IntegrationOutbox.FlushNowAsync</c>).
/// A read first puts a <see cref="ListingCheckpoint"/> on the same stream and waits until it comes back: one stream
/// is one queue delivered in order, so by then every event published before the checkpoint has been applied. Readers
/// who arrive before a checkpoint is published share it, so a busy catalog sends about one per delivery round trip,
/// not one per read; one published before a reader arrived cannot vouch for that reader and is never shared with it.
/// </para>
/// <para>
/// A read never waits longer than <see cref="CatchUpTimeout"/>, and not at all while NATS is known to be down (the
/// signal the outboxes go by): the catalog then answers from what it has and the listing lags until NATS is back,
/// while the rest of the marketplace goes on.
/// </para>
/// </summary>
public sealed partial class ListingFeed
{
    /// <summary>
    /// The longest a read waits for its checkpoint before answering from what the catalog has. A round trip takes
    /// one poll of the stream's queue (100 ms); a cold cluster (first activations, first reads of NATS) takes seconds.
    /// </summary>
    public static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(5);

    private readonly Grain grain;
    private readonly StreamId streamId;
    private readonly Func<IntegrationEvent, Task> apply;
    private readonly IIntegrationEventPublisher transport;
    private readonly ILogger logger;

    // Published, not yet back, oldest first. A checkpoint that comes back vouches for every older one too.
    private readonly List<Checkpoint> outstanding = [];

    // Not yet published: every reader who comes until its publish starts waits for it.
    private Checkpoint? next;
    private Task publishing = Task.CompletedTask;

    // A read gave up waiting since the last checkpoint came back: warned once, until the stream delivers again.
    private bool behind;

    /// <param name="transport">Whose availability says whether the stream can deliver now (NATS, or always in memory).</param>
    public ListingFeed(Grain grain, StreamId streamId, Func<IntegrationEvent, Task> apply, IIntegrationEventPublisher transport, ILogger logger)
    {
        this.grain = grain;
        this.streamId = streamId;
        this.apply = apply;
        this.transport = transport;
        this.logger = logger;
    }

    /// <summary>Attaches the catalog to its implicit subscription (from <c>IStreamSubscriptionObserver.OnSubscribed</c>).</summary>
    public Task AttachAsync(IStreamSubscriptionHandleFactory handles) =>
        handles.Create<object>().ResumeAsync(OnNextAsync);

    /// <summary>Returns once everything published on the stream before this call has been applied (or the wait ran out).</summary>
    public async Task CatchUpAsync()
    {
        if (!transport.IsAvailable)
        {
            // NATS is down: nothing published now arrives before it is back. Answer from what is here.
            return;
        }

        var checkpoint = next;
        if (checkpoint is null)
        {
            checkpoint = next = new Checkpoint(Ids.New());
            publishing = PublishAfterAsync(publishing, checkpoint);
        }

        bool reached;
        try
        {
            reached = await checkpoint.Reached.Task.WaitAsync(CatchUpTimeout);
        }
        catch (TimeoutException)
        {
            reached = false;
        }

        if (!reached && !behind)
        {
            behind = true;
            LogBehind(logger, streamId);
        }
    }

    private async Task PublishAfterAsync(Task previous, Checkpoint checkpoint)
    {
        await previous;

        // From here on nobody may join it: whoever comes later needs a checkpoint published after they came.
        if (next == checkpoint)
        {
            next = null;
        }

        outstanding.Add(checkpoint);
        try
        {
            // Typed as the subscription is: an activation holds one stream under one item type.
            var stream = grain.GetStreamProvider(DomainStreams.Provider).GetStream<object>(streamId);

            // The NATS provider waits for its connection rather than failing: give up in time, like the read does.
            await stream.OnNextAsync(new ListingCheckpoint(checkpoint.Id)).WaitAsync(CatchUpTimeout);
        }
        catch (Exception e)
        {
            outstanding.Remove(checkpoint);
            checkpoint.Reached.TrySetResult(false);
            LogPublishFailed(logger, e, streamId);
        }
    }

    private Task OnNextAsync(object item, StreamSequenceToken? token)
    {
        switch (item)
        {
            case ListingCheckpoint back:
                Reached(back.Id);
                return Task.CompletedTask;
            case IntegrationEvent e:
                return apply(e);
            default:
                return Task.CompletedTask;
        }
    }

    private void Reached(string id)
    {
        // A checkpoint of an earlier activation (or one given up on) is not outstanding here: it changes nothing.
        var at = outstanding.FindIndex(c => c.Id == id);
        if (at < 0)
        {
            return;
        }

        if (behind)
        {
            behind = false;
            LogCaughtUp(logger, streamId);
        }

        foreach (var checkpoint in outstanding.Take(at + 1))
        {
            checkpoint.Reached.TrySetResult(true);
        }

        outstanding.RemoveRange(0, at + 1);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing stream {StreamId} did not deliver a checkpoint in time; listings answer from what they have")]
    private static partial void LogBehind(ILogger logger, StreamId streamId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listing stream {StreamId} delivers again")]
    private static partial void LogCaughtUp(ILogger logger, StreamId streamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish a checkpoint on listing stream {StreamId}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, StreamId streamId);

    private sealed class Checkpoint(string id)
    {
        public string Id { get; } = id;

        public TaskCompletionSource<bool> Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
