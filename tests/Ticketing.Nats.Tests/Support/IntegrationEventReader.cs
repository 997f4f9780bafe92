using System.Text.Json;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Ticketing.Nats.Tests.Support;

/// <summary>One message as another cluster sees it on the <c>TICKETING</c> stream.</summary>
public sealed record ReceivedEvent(
    ulong Sequence, string Subject, string? MsgIdHeader, string Id, string Type, DateTime OccurredAt, string EntityId,
    long Version, JsonElement Data);

/// <summary>
/// An external subscriber of the integration events, written only against NATS.Net and the documented JSON: it
/// reads the JetStream stream <c>TICKETING</c> from its first message and keeps everything it is given, duplicates
/// included. It survives the server going away and coming back, resuming after the last sequence it saw.
/// </summary>
public sealed class IntegrationEventReader : IAsyncDisposable
{
    private readonly List<ReceivedEvent> received = [];
    private readonly CancellationTokenSource stop = new();
    private readonly NatsConnection connection;
    private readonly Task loop;
    private ulong lastSequence;

    private IntegrationEventReader(string url)
    {
        connection = new NatsConnection(NatsOpts.Default with
        {
            Url = url,
            Name = "external-subscriber",
            RetryOnInitialConnect = true,
            ReconnectWaitMin = TimeSpan.FromMilliseconds(200),
            ReconnectWaitMax = TimeSpan.FromSeconds(1),
        });
        loop = Task.Run(ReadAsync);
    }

    public static IntegrationEventReader Start(string url) => new(url);

    /// <summary>Why reading last failed (the stream did not exist yet, or the server was down), for diagnostics.</summary>
    public Exception? LastError { get; private set; }

    public IReadOnlyList<ReceivedEvent> Received
    {
        get
        {
            lock (received)
            {
                return [.. received];
            }
        }
    }

    /// <summary>Received events with redeliveries dropped by id, in the order they first arrived.</summary>
    public IReadOnlyList<ReceivedEvent> Unique => Received.DistinctBy(e => e.Id).ToList();

    public Task WaitUntilAsync(Func<IReadOnlyList<ReceivedEvent>, bool> condition, TimeSpan within, string what) =>
        Eventually.TrueAsync(() => condition(Unique), within, $"{what} (have {Unique.Count}; last read error: {LastError?.Message ?? "none"})");

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        await connection.DisposeAsync();
        stop.Dispose();
    }

    private async Task ReadAsync()
    {
        var jetStream = new NatsJSContext(connection);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var from = lastSequence == 0
                    ? new NatsJSOrderedConsumerOpts { DeliverPolicy = ConsumerConfigDeliverPolicy.All }
                    : new NatsJSOrderedConsumerOpts { DeliverPolicy = ConsumerConfigDeliverPolicy.ByStartSequence, OptStartSeq = lastSequence + 1 };
                var consumer = await jetStream.CreateOrderedConsumerAsync("TICKETING", from, stop.Token);
                await foreach (var message in consumer.ConsumeAsync<byte[]>(cancellationToken: stop.Token))
                {
                    Record(message);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The stream does not exist yet, or the server is gone for now: try again shortly.
                LastError = e;
                await Task.Delay(200, stop.Token);
            }
        }
    }

    private void Record(INatsJSMsg<byte[]> message)
    {
        var json = JsonDocument.Parse(message.Data!).RootElement.Clone();
        var header = message.Headers is { } headers && headers.TryGetValue("Nats-Msg-Id", out var id) ? id.ToString() : null;
        var sequence = message.Metadata!.Value.Sequence.Stream;
        var e = new ReceivedEvent(
            sequence, message.Subject, header, json.GetProperty("id").GetString()!, json.GetProperty("type").GetString()!,
            json.GetProperty("occurredAt").GetDateTime(), json.GetProperty("entityId").GetString()!,
            json.GetProperty("version").GetInt64(), json.GetProperty("data"));
        lock (received)
        {
            received.Add(e);
            lastSequence = sequence;
        }
    }
}
