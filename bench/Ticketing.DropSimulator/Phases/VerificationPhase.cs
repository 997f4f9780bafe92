using System.Collections.Concurrent;
using System.Diagnostics;
using Ticketing.DropSimulator.Http;
using Ticketing.DropSimulator.Metrics;

namespace Ticketing.DropSimulator.Phases;

public sealed record VerificationResult(
    int ReservationsReported,
    int OrdersFound,
    int UnseenOrders,
    int MissingOrders,
    int LiveOrders,
    int PaidOrders,
    int CancelledOrders,
    int TicketsInTwoLiveOrders,
    int TicketMismatches,
    int Unverified,
    EventCounters? Event,
    bool CountersAgree,
    IReadOnlyList<string> Samples,
    double Seconds,
    RequestStats Requests);

/// <summary>An order of the drop's event as the API reports it now, and whose it is.</summary>
public sealed record VerifiedOrder(OrderDto Order, int BuyerSlot);

/// <summary>
/// Checks the drop through the API alone: every reservation a buyer got still exists and holds the ticket
/// it named; each buyer's own order list reveals reservations no buyer saw (a request that timed out on
/// the client but succeeded on the server); no ticket is held by two live orders; each held ticket names
/// the order that holds it; and the event's counters agree with the orders (held = live, sold = paid).
/// </summary>
public sealed class VerificationPhase(GatewayClient client, IReadOnlyList<Buyer> buyers, int concurrency)
{
    private const int MaxSamples = 10;
    private static readonly TimeSpan CountersSettle = TimeSpan.FromSeconds(3);

    private readonly ConcurrentQueue<string> samples = new();
    private int unverified;

    public async Task<(VerificationResult Result, IReadOnlyList<VerifiedOrder> Orders)> RunAsync(
        string eventId, IReadOnlyList<PlacedOrder> reported, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var found = new VerifiedOrder?[reported.Count];
        var missing = 0;
        var logs = new List<RequestLog>();

        logs.AddRange(await Workers.ForEachAsync(reported.Count, concurrency, async (i, log) =>
        {
            var placed = reported[i];
            var reply = await Retry.UntilDefinitiveAsync(
                () => client.GetAsync($"/api/orders/{Uri.EscapeDataString(placed.Id)}", buyers[placed.BuyerSlot].Bearer, ApiJson.Default.OrderDto, cancellation),
                log,
                cancellation);
            if (reply.Value is { } order)
            {
                found[i] = new VerifiedOrder(order, placed.BuyerSlot);
                if (order.Ticket.Id != placed.TicketId)
                {
                    Sample($"order {order.Id} was answered with ticket {placed.TicketId} but now holds {order.Ticket.Id}");
                }
            }
            else if (reply.Status == 404)
            {
                Interlocked.Increment(ref missing);
                Sample($"order {placed.Id} was created (201) but is now 404");
            }
            else
            {
                Unverified($"GET order {placed.Id}: {reply.Label}");
            }
        }));

        var reportedIds = reported.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var unseen = new ConcurrentBag<VerifiedOrder>();
        logs.AddRange(await Workers.ForEachAsync(buyers.Count, concurrency, async (slot, log) =>
        {
            await foreach (var order in ListOrdersAsync(slot, log, cancellation))
            {
                if (order.EventId == eventId && !reportedIds.Contains(order.Id))
                {
                    unseen.Add(new VerifiedOrder(order, slot));
                }
            }
        }));

        var orders = found.OfType<VerifiedOrder>().Concat(unseen).ToList();
        var live = orders.Where(o => OrderStatuses.IsLive(o.Order.Status)).ToList();
        var doubleSold = live.GroupBy(o => o.Order.Ticket.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        foreach (var ticket in doubleSold.Take(MaxSamples))
        {
            Sample($"ticket {ticket.Key} is held by {ticket.Count()} live orders: {string.Join(", ", ticket.Select(o => o.Order.Id))}");
        }

        var mismatches = 0;
        logs.AddRange(await Workers.ForEachAsync(live.Count, concurrency, async (i, log) =>
        {
            if (!await TicketAgreesAsync(eventId, live[i].Order, log, cancellation))
            {
                Interlocked.Increment(ref mismatches);
            }
        }));

        var paid = live.Count(o => o.Order.Status == OrderStatuses.Complete);
        var countersLog = new RequestLog();
        logs.Add(countersLog);
        var (counters, agree, _) = await EventCounters.AwaitAsync(
            client, eventId, c => c.Held == live.Count && c.Sold == paid, CountersSettle, countersLog, cancellation);
        if (!agree)
        {
            var read = counters is null ? "unreadable" : $"{counters.Held:N0} held, {counters.Sold:N0} sold of {counters.Capacity:N0}";
            Sample($"event counters ({read}) disagree with the orders: {live.Count:N0} live, {paid:N0} paid");
        }

        var result = new VerificationResult(
            reported.Count,
            orders.Count,
            unseen.Count,
            missing,
            live.Count,
            paid,
            orders.Count - live.Count,
            doubleSold.Count,
            mismatches,
            unverified,
            counters,
            agree,
            samples.ToList(),
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            RequestStats.Merge(logs));
        return (result, orders);
    }

    private async IAsyncEnumerable<OrderDto> ListOrdersAsync(
        int slot, RequestLog log, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        string? cursor = null;
        do
        {
            var path = "/api/orders?limit=200" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var reply = await Retry.UntilDefinitiveAsync(
                () => client.GetAsync(path, buyers[slot].Bearer, ApiJson.Default.OrderPageDto, cancellation), log, cancellation);
            if (reply.Value is not { } page)
            {
                Unverified($"list orders of {buyers[slot].Username}: {reply.Label}");
                yield break;
            }

            foreach (var order in page.Items)
            {
                yield return order;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    private async Task<bool> TicketAgreesAsync(string eventId, OrderDto order, RequestLog log, CancellationToken cancellation)
    {
        var reply = await Retry.UntilDefinitiveAsync(
            () => client.GetAsync($"/api/tickets/{Uri.EscapeDataString(order.Ticket.Id)}", null, ApiJson.Default.TicketDto, cancellation),
            log,
            cancellation);
        if (reply.Value is not { } ticket)
        {
            Unverified($"GET ticket {order.Ticket.Id}: {reply.Label}");
            return true;
        }

        var expectedStatus = order.Status == OrderStatuses.Complete ? "sold" : "reserved";
        if (ticket.OrderId == order.Id && ticket.EventId == eventId && ticket.Status == expectedStatus)
        {
            return true;
        }

        Sample($"ticket {ticket.Id} says order {ticket.OrderId ?? "none"}, event {ticket.EventId ?? "none"}, {ticket.Status}; " +
               $"order {order.Id} ({order.Status}) holds it");
        return false;
    }

    private void Unverified(string what)
    {
        Interlocked.Increment(ref unverified);
        Sample("could not verify: " + what);
    }

    private void Sample(string text)
    {
        if (samples.Count < MaxSamples)
        {
            samples.Enqueue(text);
        }
    }
}
