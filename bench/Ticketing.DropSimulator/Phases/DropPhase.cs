using System.Diagnostics;
using System.Text.Json;
using Ticketing.DropSimulator.Http;
using Ticketing.DropSimulator.Metrics;

namespace Ticketing.DropSimulator.Phases;

/// <summary>A reservation a buyer received (201), as the buyer saw it.</summary>
public sealed record PlacedOrder(string Id, string TicketId, int BuyerSlot, DateTimeOffset ExpiresAt);

public sealed record DropResult(
    string EventId,
    int Capacity,
    int Concurrency,
    bool SoldOut,
    string EndedBecause,
    double? SellOutSeconds,
    double? LastReservationSeconds,
    double DurationSeconds,
    long Reservations,
    double ReservationsPerSecond,
    double RequestsPerSecond,
    int BuyersAtLimit,
    double SimulatorCores,
    RequestStats Requests);

/// <summary>
/// The drop: every worker is a buyer that posts <c>{eventId}</c> as fast as it is answered until it is told
/// <c>sold_out</c>; <c>limit_reached</c> retires that buyer and the worker carries on as the next one. The
/// clock starts when the gate opens (the on-sale moment) and the sell-out time is the first <c>sold_out</c>.
/// </summary>
public sealed class DropPhase(GatewayClient client, BuyerPool buyers, int concurrency, long maxRequests)
{
    private static readonly TimeSpan NotOnSaleRetry = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan FaultRetry = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan UnreachableAfter = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long openedAt;
    private long firstSoldOutAt;
    private long lastAnswerAt;
    private int unreachable;
    private long issued;
    private int budgetSpent;
    private int buyersAtLimit;
    private int buyersExhausted;
    private int stoppedOnSurprise;

    /// <summary>The <see cref="Stopwatch"/> timestamp of the first <c>sold_out</c> a buyer was told; 0 until then.</summary>
    public long FirstSoldOutTimestamp => Interlocked.Read(ref firstSoldOutAt);

    /// <param name="cancelledBecause">What it means when <paramref name="cancellation"/> fires, for the report.</param>
    public async Task<(DropResult Result, IReadOnlyList<PlacedOrder> Orders)> RunAsync(
        string eventId, int capacity, DateTimeOffset? onSaleAt, string cancelledBecause, CancellationToken cancellation)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new OrderByEventRequest(eventId), ApiJson.Default.OrderByEventRequest);
        var orders = new List<PlacedOrder>[concurrency];
        var lastCreated = new long[concurrency];
        var running = Workers.RunAsync(concurrency, (worker, log) => BuyAsync(worker, body, log, orders, lastCreated, cancellation));

        if (onSaleAt is { } moment && moment > DateTimeOffset.UtcNow)
        {
            await Task.Delay(moment - DateTimeOffset.UtcNow, cancellation);
        }

        var cpu = CpuMeter.Start();
        openedAt = Stopwatch.GetTimestamp();
        gate.SetResult();
        var logs = await running;
        var duration = Stopwatch.GetElapsedTime(openedAt).TotalSeconds;
        var cores = cpu.Cores();

        var stats = RequestStats.Merge(logs);
        var placed = orders.Where(o => o is not null).SelectMany(o => o).ToList();
        var soldOut = Interlocked.Read(ref firstSoldOutAt) != 0;
        double? sellOut = soldOut ? Seconds(firstSoldOutAt) : null;
        var last = lastCreated.Max();
        double? lastReservation = last == 0 ? null : Seconds(last);
        var window = sellOut ?? duration;
        var result = new DropResult(
            eventId,
            capacity,
            concurrency,
            soldOut,
            EndedBecause(soldOut, cancelledBecause, cancellation),
            sellOut,
            lastReservation,
            duration,
            placed.Count,
            window > 0 ? placed.Count / window : 0,
            duration > 0 ? stats.Requests / duration : 0,
            buyersAtLimit,
            cores,
            stats);
        return (result, placed);
    }

    private async Task BuyAsync(
        int worker, byte[] body, RequestLog log, List<PlacedOrder>[] orders, long[] lastCreated, CancellationToken cancellation)
    {
        var mine = orders[worker] = [];
        await gate.Task.WaitAsync(cancellation);
        int? slot = buyers.FirstSlot(worker);
        while (slot is { } current)
        {
            if (Interlocked.Increment(ref issued) > maxRequests)
            {
                Volatile.Write(ref budgetSpent, 1);
                return;
            }

            var reply = await client.SendAsync(HttpMethod.Post, "/api/orders", body, buyers[current].Bearer, ApiJson.Default.OrderDto, cancellation);
            log.Record(reply);
            if (reply.Failure is TransportFailure.None or TransportFailure.BadBody)
            {
                Volatile.Write(ref lastAnswerAt, Stopwatch.GetTimestamp());
            }
            else if (reply.Failure == TransportFailure.Transport && Unreachable())
            {
                return;
            }

            switch (reply)
            {
                case { Status: 201, Value: { } order }:
                    mine.Add(new PlacedOrder(order.Id, order.Ticket.Id, current, order.ExpiresAt));
                    lastCreated[worker] = Stopwatch.GetTimestamp();
                    break;
                case { Status: 201 }:
                    // Reserved, but the body was unreadable: counted, and found again by the verification.
                    break;
                case { Status: 409, Code: "sold_out" }:
                    Interlocked.CompareExchange(ref firstSoldOutAt, Stopwatch.GetTimestamp(), 0);
                    return;
                case { Status: 409, Code: "limit_reached" }:
                    buyers.Retire(current);
                    Interlocked.Increment(ref buyersAtLimit);
                    slot = buyers.NextSlot();
                    if (slot is null)
                    {
                        Interlocked.Increment(ref buyersExhausted);
                    }

                    break;
                case { Status: 409, Code: "not_on_sale" }:
                    await Task.Delay(NotOnSaleRetry, cancellation);
                    break;
                case { Status: 429 }:
                    var wait = reply.RetryAfter ?? MaxRateLimitWait;
                    await Task.Delay(wait < MaxRateLimitWait ? wait : MaxRateLimitWait, cancellation);
                    break;
                case { IsRetryable: true }:
                    await Task.Delay(FaultRetry, cancellation);
                    break;
                default:
                    // A 4xx the contract does not give a drop (401, 404, 400...) would repeat forever: this buyer stops.
                    Interlocked.Increment(ref stoppedOnSurprise);
                    return;
            }
        }
    }

    /// <summary>Connections refused or broken and no HTTP answer at all for a while: the target is gone, stop hammering it.</summary>
    private bool Unreachable()
    {
        var since = Math.Max(Volatile.Read(ref lastAnswerAt), openedAt);
        if (Stopwatch.GetElapsedTime(since) < UnreachableAfter)
        {
            return false;
        }

        Volatile.Write(ref unreachable, 1);
        return true;
    }

    private string EndedBecause(bool soldOut, string cancelledBecause, CancellationToken cancellation) => true switch
    {
        _ when soldOut => "sold out",
        _ when Volatile.Read(ref unreachable) == 1 => $"no HTTP answer for {UnreachableAfter.TotalSeconds:0} s: the target is unreachable",
        _ when cancellation.IsCancellationRequested => cancelledBecause,
        _ when Volatile.Read(ref budgetSpent) == 1 => "request budget (--max-requests) spent before the event sold out",
        _ when buyersExhausted > 0 => "every buyer reached --max-per-user before the event sold out",
        _ when stoppedOnSurprise > 0 => "buyers stopped on unexpected answers (see outcomes)",
        _ => "buyers stopped",
    };

    private double Seconds(long timestamp) => Stopwatch.GetElapsedTime(openedAt, timestamp).TotalSeconds;
}
