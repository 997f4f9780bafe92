using System.Diagnostics.Metrics;
using Ticketing.Orders;
using Ticketing.Payments;

namespace Ticketing.Common;

/// <summary>
/// The marketplace's own meter, <c>Ticketing</c>: what the grains decided, counted where they decide it. Each
/// silo counts what happened on it, so cluster totals are sums over the silos (Prometheus <c>sum(...)</c>).
/// Recording is a lock-free add, cheap enough for the hottest grain call.
/// </summary>
public sealed class TicketingMetrics
{
    public const string MeterName = "Ticketing";

    private static readonly KeyValuePair<string, object?> TicketKind = new("kind", "ticket");
    private static readonly KeyValuePair<string, object?> SeatKind = new("kind", "seat");

    private readonly Counter<long> reservations;
    private readonly Counter<long> soldOutAnswers;
    private readonly Counter<long> orderExpiries;
    private readonly Counter<long> payments;
    private readonly UpDownCounter<long> liveHolds;

    public TicketingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        reservations = meter.CreateCounter<long>(
            "ticketing.reservations", "{reservation}", "Orders placed: a ticket or an event's seat held for a buyer (kind=ticket|seat).");
        soldOutAnswers = meter.CreateCounter<long>(
            "ticketing.sold_out_answers", "{answer}", "Orders refused because the event had no seat left.");
        orderExpiries = meter.CreateCounter<long>(
            "ticketing.order_expiries", "{order}", "Unpaid orders cancelled because their reservation window ran out.");
        payments = meter.CreateCounter<long>(
            "ticketing.payments", "{payment}", "Card charges settled, by outcome (succeeded, declined, invalid_card).");
        liveHolds = meter.CreateUpDownCounter<long>(
            "ticketing.live_holds", "{hold}", "Orders holding a ticket now: placed and neither cancelled nor completed yet.");
    }

    /// <summary>An order was placed: its ticket (or seat) is now held.</summary>
    public void OrderPlaced(bool seat)
    {
        reservations.Add(1, seat ? SeatKind : TicketKind);
        liveHolds.Add(1);
    }

    /// <summary>An order was refused; only a sold-out event is counted.</summary>
    public void OrderRefused(OrderPlacementOutcome outcome)
    {
        if (outcome == OrderPlacementOutcome.SoldOut)
        {
            soldOutAnswers.Add(1);
        }
    }

    /// <summary>An open order was cancelled (by its buyer or by expiry): it holds nothing any more.</summary>
    public void OrderCancelled(CancelReason reason)
    {
        if (reason == CancelReason.Expired)
        {
            orderExpiries.Add(1);
        }

        liveHolds.Add(-1);
    }

    /// <summary>An order was paid: its hold became a sale.</summary>
    public void OrderCompleted() => liveHolds.Add(-1);

    /// <summary>A card charge was settled and recorded.</summary>
    public void PaymentSettled(ChargeOutcome outcome) => payments.Add(1, new KeyValuePair<string, object?>("outcome", outcome switch
    {
        ChargeOutcome.Succeeded => "succeeded",
        ChargeOutcome.Declined => "declined",
        _ => "invalid_card",
    }));
}
