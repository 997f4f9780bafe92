using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Ticketing.Integration;

namespace Ticketing.Hosting.Streaming;

/// <summary>
/// Publishes integration events to the JetStream stream <c>TICKETING</c> (subjects <c>ticketing.&gt;</c>, limits
/// retention), each with the header <c>Nats-Msg-Id</c> = its id, so JetStream drops a republished event inside
/// its duplicate window. It never waits for NATS: while the connection is down it reports itself unavailable and
/// the grains' outboxes keep their events until it is back (NATS.Net reconnects on its own).
/// </summary>
public sealed partial class NatsIntegrationEventPublisher : IIntegrationEventPublisher, IAsyncDisposable
{
    public const string StreamName = "TICKETING";

    /// <summary>How long JetStream remembers an id; longer than any outbox keeps an acknowledged event unwritten.</summary>
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(10);

    private readonly NatsConnection connection;
    private readonly NatsJSContext jetStream;
    private readonly StreamingSettings settings;
    private readonly ILogger<NatsIntegrationEventPublisher> logger;
    private readonly SemaphoreSlim streamLock = new(1, 1);
    private volatile bool streamReady;
    private int connecting;
    private long published;
    private long duplicates;

    public NatsIntegrationEventPublisher(StreamingSettings settings, ILogger<NatsIntegrationEventPublisher> logger)
    {
        this.settings = settings;
        this.logger = logger;
        connection = new NatsConnection(NatsOpts.Default with
        {
            Url = settings.NatsUrl,
            Name = "ticketing-integration-events",
            RetryOnInitialConnect = true,
            ReconnectWaitMin = TimeSpan.FromMilliseconds(250),
            ReconnectWaitMax = TimeSpan.FromSeconds(2),
        });
        connection.ConnectionDisconnected += (_, _) =>
        {
            LogDisconnected(logger, settings.NatsUrl);
            return ValueTask.CompletedTask;
        };
        connection.ConnectionOpened += (_, _) =>
        {
            LogConnected(logger, settings.NatsUrl);
            return ValueTask.CompletedTask;
        };
        jetStream = new NatsJSContext(connection);
        ConnectInBackground();
    }

    /// <summary>Events JetStream stored.</summary>
    public long Published => Interlocked.Read(ref published);

    /// <summary>Events published again (after a failure or a crash) that JetStream recognised and dropped.</summary>
    public long Duplicates => Interlocked.Read(ref duplicates);

    public bool IsAvailable
    {
        get
        {
            if (connection.ConnectionState == NatsConnectionState.Open)
            {
                return true;
            }

            ConnectInBackground();
            return false;
        }
    }

    public async Task<int> PublishAsync(IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken)
    {
        var count = 0;
        try
        {
            await EnsureStreamAsync(cancellationToken);
            foreach (var e in events)
            {
                var ack = await jetStream.PublishAsync(
                    e.Subject, IntegrationEventJson.Serialize(e), opts: new NatsJSPubOpts { MsgId = e.Id },
                    cancellationToken: cancellationToken);
                if (ack.Duplicate)
                {
                    // Stored before (a republish after a crash or a lost acknowledgement): done, not a failure.
                    Interlocked.Increment(ref duplicates);
                }
                else
                {
                    ack.EnsureSuccess();
                    Interlocked.Increment(ref published);
                }

                count++;
            }
        }
        catch (Exception e) when (count > 0)
        {
            LogPartiallyPublished(logger, e, count, events.Count);
        }
        catch (NatsJSApiException)
        {
            // The stream may be gone (a NATS server with a fresh store): create it again on the next try.
            streamReady = false;
            throw;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        streamLock.Dispose();
    }

    private void ConnectInBackground()
    {
        if (connection.ConnectionState != NatsConnectionState.Closed || Interlocked.Exchange(ref connecting, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await connection.ConnectAsync();
            }
            catch (Exception e)
            {
                LogConnectFailed(logger, e, settings.NatsUrl);
            }
            finally
            {
                Volatile.Write(ref connecting, 0);
            }
        });
    }

    private async Task EnsureStreamAsync(CancellationToken cancellationToken)
    {
        if (streamReady)
        {
            return;
        }

        await streamLock.WaitAsync(cancellationToken);
        try
        {
            if (!streamReady)
            {
                var config = new StreamConfig(StreamName, [DomainEvents.SubjectPrefix + ">"])
                {
                    Retention = StreamConfigRetention.Limits,
                    Storage = StreamConfigStorage.File,
                    MaxAge = settings.RetainEventsFor,
                    DuplicateWindow = DuplicateWindow,
                };
                await jetStream.CreateOrUpdateStreamAsync(config, cancellationToken);
                streamReady = true;
            }
        }
        finally
        {
            streamLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost NATS at {Url}: integration events wait in the grains' outboxes")]
    private static partial void LogDisconnected(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to NATS at {Url}: publishing integration events")]
    private static partial void LogConnected(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to NATS at {Url}")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Published {Count} of {Total} integration events; the rest wait for the next try")]
    private static partial void LogPartiallyPublished(ILogger logger, Exception exception, int count, int total);
}
