using System.Diagnostics.Metrics;
using Ticketing.Orders;
using Ticketing.Payments;

namespace Ticketing.Common;

/// <summary>
/// The marketplace's own meter, <c>Ticketing</c>: what the grains decided, counted where they decide it. Each
/// silo counts what happened on it, so cluster totals are sums over the silos (Prometheus <c>sum(...)</c>).
/// Recording is a lock-free add, cheap enough for the hottest grain call. The meter is one per process, as
/// Orleans' own is: telemetry pipelines listen to meters by name, so several hosts in one process (tests) each
/// creating their own <c>Ticketing</c> meter would register the same instruments twice, and a pipeline may keep
/// only the first host's.
/// </summary>
public static class TicketingMetrics
{
    public const string MeterName = "Ticketing";

    private static readonly KeyValuePair<string, object?> TicketKind = new("kind", "ticket");
    private static readonly KeyValuePair<string, object?> SeatKind = new("kind", "seat");

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Reservations = Meter.CreateCounter<long>(
        "ticketing.reservations", "{reservation}", "Orders placed: a ticket or an event's seat held for a buyer (kind=ticket|seat).");

    private static readonly Counter<long> SoldOutAnswers = Meter.CreateCounter<long>(
        "ticketing.sold_out_answers", "{answer}", "Orders refused because the event had no seat left.");

    private static readonly Counter<long> OrderExpiries = Meter.CreateCounter<long>(
        "ticketing.order_expiries", "{order}", "Unpaid orders cancelled because their reservation window ran out.");

    private static readonly Counter<long> Payments = Meter.CreateCounter<long>(
        "ticketing.payments", "{payment}", "Card charges settled, by outcome (succeeded, declined, invalid_card).");

    private static readonly UpDownCounter<long> LiveHolds = Meter.CreateUpDownCounter<long>(
        "ticketing.live_holds", "{hold}", "Orders holding a ticket now: placed and neither cancelled nor completed yet.");

    public static void OrderPlaced(bool seat)
    {
        Reservations.Add(1, seat ? SeatKind : TicketKind);
        LiveHolds.Add(1);
    }

    /// <summary>An order was refused; only a sold-out event is counted.</summary>
    public static void OrderRefused(OrderPlacementOutcome outcome)
    {
        if (outcome == OrderPlacementOutcome.SoldOut)
        {
            SoldOutAnswers.Add(1);
        }
    }

    /// <summary>An open order was cancelled (by its buyer or by expiry): it holds nothing any more.</summary>
    public static void OrderCancelled(CancelReason reason)
    {
        if (reason == CancelReason.Expired)
        {
            OrderExpiries.Add(1);
        }

        LiveHolds.Add(-1);
    }

    /// <summary>An order was paid: its hold became a sale.</summary>
    public static void OrderCompleted() => LiveHolds.Add(-1);

    /// <summary>A card charge was settled and recorded.</summary>
    public static void PaymentSettled(ChargeOutcome outcome) => Payments.Add(1, new KeyValuePair<string, object?>("outcome", outcome switch
    {
        ChargeOutcome.Succeeded => "succeeded",
        ChargeOutcome.Declined => "declined",
        _ => "invalid_card",
    }));
}
