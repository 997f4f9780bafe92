using System.Threading.Channels;
using Orleans.Streams;
using Ticketing.Events;
using Ticketing.Gateway.Infrastructure;
using Ticketing.Integration;

namespace Ticketing.Gateway.Events;

/// <summary>An event's counters at one of its versions, as the live feed sends them.</summary>
public sealed record AvailabilitySnapshot(int Available, int Sold, long Version);

/// <summary>
/// The live availability of events for this gateway process. Each watched event has one feed: one subscription to
/// the event's Orleans stream and one read of its counters when the first watcher comes, fanned out here to every
/// watcher, so a change costs the cluster one stream message to this process however many browsers watch. The feed
/// fans out at most once per <see cref="MinInterval"/>, the newest counters winning, so each watcher is sent at most
/// ten messages a second without a timer of its own. The last watcher to leave ends the subscription.
/// </summary>
public sealed partial class LiveAvailabilityHub(IClusterClient cluster, TimeProvider time, ILogger<LiveAvailabilityHub> logger)
{
    /// <summary>The least time between two fan-outs of one feed: at most ten a second, the newest counts win.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<string, LiveAvailabilityFeed> feeds = [];
    private readonly Lock gate = new();
    private bool closed;

    /// <summary>How many events this process holds a stream subscription for right now.</summary>
    public int Subscriptions
    {
        get
        {
            lock (gate)
            {
                return feeds.Count;
            }
        }
    }

    /// <summary>How many clients of this process watch the event right now.</summary>
    public int WatchersOf(string eventId)
    {
        lock (gate)
        {
            return feeds.TryGetValue(eventId, out var feed) ? feed.Watchers.Count : 0;
        }
    }

    /// <summary>Starts watching an event, its current counters already queued; null when there is no such event.</summary>
    public async Task<LiveAvailabilityWatch?> WatchAsync(string eventId, CancellationToken cancellationToken)
    {
        LiveAvailabilityFeed feed;
        var watch = new LiveAvailabilityWatch(this);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(closed, this);
            if (!feeds.TryGetValue(eventId, out feed!))
            {
                feed = new LiveAvailabilityFeed(eventId) { Pacing = new PacedFanOut(time, MinInterval, () => FanOut(feed)) };
                feeds[eventId] = feed;
                feed.Started = StartAsync(feed);
            }

            feed.Watchers.Add(watch);
            watch.Feed = feed;
        }

        try
        {
            await feed.Started.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(watch);
            throw;
        }

        lock (gate)
        {
            if (feed.Latest is { } latest)
            {
                watch.Offer(latest);
                return watch;
            }
        }

        Leave(watch);
        return null;
    }

    /// <summary>Ends every watch (the gateway is stopping), so no open stream holds up its shutdown.</summary>
    public void Close()
    {
        lock (gate)
        {
            closed = true;
            foreach (var watch in feeds.Values.SelectMany(f => f.Watchers))
            {
                watch.Complete();
            }
        }
    }

    internal void Leave(LiveAvailabilityWatch watch)
    {
        LiveAvailabilityFeed? ended = null;
        lock (gate)
        {
            if (watch.Feed is { } feed && feed.Watchers.Remove(watch) && feed.Watchers.Count == 0)
            {
                feeds.Remove(feed.EventId);
                feed.Pacing.Dispose();
                ended = feed;
            }
        }

        watch.Complete();
        if (ended is not null)
        {
            _ = StopAsync(ended);
        }
    }

    private async Task StartAsync(LiveAvailabilityFeed feed)
    {
        // Subscribe first, then read: a change in between arrives on the stream, and the higher version wins.
        var stream = cluster.GetStreamProvider(DomainStreams.Provider)
            .GetStream<IntegrationEvent>(StreamId.Create(DomainStreams.Events, feed.EventId));
        feed.Subscription = await stream.SubscribeAsync((e, _) =>
        {
            if (e.Data is EventAvailabilityChanged changed)
            {
                Offer(feed, new AvailabilitySnapshot(changed.Available, changed.Sold, e.Version));
            }

            return Task.CompletedTask;
        });

        if (await cluster.GetGrain<IEventGrain>(feed.EventId).GetAvailabilityAsync() is { } now)
        {
            Offer(feed, new AvailabilitySnapshot(now.Available, now.Sold, now.Version));
        }
    }

    private async Task StopAsync(LiveAvailabilityFeed feed)
    {
        try
        {
            await feed.Started;
            if (feed.Subscription is { } subscription)
            {
                await subscription.UnsubscribeAsync();
            }
        }
        catch (Exception e)
        {
            LogUnsubscribeFailed(logger, e, feed.EventId);
        }
    }

    private void Offer(LiveAvailabilityFeed feed, AvailabilitySnapshot snapshot)
    {
        lock (gate)
        {
            if (feed.Latest is { } latest && latest.Version >= snapshot.Version)
            {
                return;
            }

            feed.Latest = snapshot;
        }

        feed.Pacing.Request();
    }

    /// <summary>Hands the feed's newest counters to every watcher it has now, unless they were handed out already.</summary>
    private void FanOut(LiveAvailabilityFeed feed)
    {
        lock (gate)
        {
            if (feed.Latest is not { } latest || latest.Version <= feed.FannedOutVersion)
            {
                return;
            }

            feed.FannedOutVersion = latest.Version;
            foreach (var watch in feed.Watchers)
            {
                watch.Offer(latest);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not end the live feed subscription of event {EventId}")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception, string eventId);
}

/// <summary>One event's subscription in this process and the watchers it fans out to (guarded by the hub's lock).</summary>
internal sealed class LiveAvailabilityFeed(string eventId)
{
    public string EventId { get; } = eventId;

    public List<LiveAvailabilityWatch> Watchers { get; } = [];

    public Task Started { get; set; } = Task.CompletedTask;

    public StreamSubscriptionHandle<IntegrationEvent>? Subscription { get; set; }

    public AvailabilitySnapshot? Latest { get; set; }

    /// <summary>The version of the counters last handed to the watchers (a newcomer gets <see cref="Latest"/> itself).</summary>
    public long FannedOutVersion { get; set; } = long.MinValue;

    /// <summary>Fans the newest counters out to the watchers at most once per <see cref="LiveAvailabilityHub.MinInterval"/>.</summary>
    public required PacedFanOut Pacing { get; init; }
}

/// <summary>One client's view of a feed: only the newest snapshot waits, so a slow client skips to the latest.</summary>
public sealed class LiveAvailabilityWatch : IDisposable
{
    private readonly LiveAvailabilityHub hub;
    private readonly Channel<AvailabilitySnapshot> updates = Channel.CreateBounded<AvailabilitySnapshot>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    internal LiveAvailabilityWatch(LiveAvailabilityHub hub) => this.hub = hub;

    public ChannelReader<AvailabilitySnapshot> Updates => updates.Reader;

    internal LiveAvailabilityFeed? Feed { get; set; }

    public void Dispose() => hub.Leave(this);

    internal void Offer(AvailabilitySnapshot snapshot) => updates.Writer.TryWrite(snapshot);

    internal void Complete() => updates.Writer.TryComplete();
}
