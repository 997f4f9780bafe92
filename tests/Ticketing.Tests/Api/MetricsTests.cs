using System.Net;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Api;

/// <summary>
/// The embedded gateway's Prometheus endpoint. Every gateway of this test process counts into a meter of the
/// same name, and OpenTelemetry listens to meters by name, so other suites running alongside may move the same
/// series: these tests assert that the counters moved by at least what they did themselves.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class MetricsTests(GatewayFixture gateway)
{
    [Fact]
    public async Task APaidPurchaseMovesTheReservationAndSucceededPaymentCounters()
    {
        using var scraper = gateway.CreateClient();
        var seller = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync();
        var before = await PrometheusScrape.FromAsync(scraper);

        var order = await buyer.OrderTicketAsync(ticket.Id());
        using var paid = await buyer.Client.PostJsonAsync("/api/payments", new { orderId = order.Id(), token = "tok_visa" });
        await paid.AssertJsonAsync(HttpStatusCode.Created);

        var after = await PrometheusScrape.AwaitAsync(scraper, s =>
            Moved(before, s, "ticketing_reservations_total", ("kind", "ticket")) >= 1
            && Moved(before, s, "ticketing_payments_total", ("outcome", "succeeded")) >= 1);
        Assert.True(Moved(before, after, "ticketing_reservations_total", ("kind", "ticket")) >= 1,
            "ticketing_reservations_total{kind=\"ticket\"} did not count the order.");
        Assert.True(Moved(before, after, "ticketing_payments_total", ("outcome", "succeeded")) >= 1,
            "ticketing_payments_total{outcome=\"succeeded\"} did not count the payment.");
        Assert.True(after.Has("ticketing_live_holds"), "ticketing_live_holds is not exported.");
    }

    [Fact]
    public async Task ASoldOutAnswerAndADeclinedCardAreCounted()
    {
        var organizer = await gateway.SignUpAsync();
        var first = await gateway.SignUpAsync();
        var second = await gateway.SignUpAsync();
        var drop = await organizer.CreateEventAsync(capacity: 1);
        using var scraper = gateway.CreateClient();
        var before = await PrometheusScrape.FromAsync(scraper);

        var order = await first.OrderFromEventAsync(drop.Id());
        using var refused = await second.Client.PostJsonAsync("/api/orders", new { eventId = drop.Id() });
        using var declined = await first.Client.PostJsonAsync("/api/payments", new { orderId = order.Id(), token = "tok_chargeDeclined" });
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "sold_out");
        await declined.AssertProblemAsync(HttpStatusCode.PaymentRequired, "card_declined");

        var after = await PrometheusScrape.AwaitAsync(scraper, s =>
            Moved(before, s, "ticketing_reservations_total", ("kind", "seat")) >= 1
            && Moved(before, s, "ticketing_sold_out_answers_total") >= 1
            && Moved(before, s, "ticketing_payments_total", ("outcome", "declined")) >= 1);
        Assert.True(Moved(before, after, "ticketing_reservations_total", ("kind", "seat")) >= 1,
            "ticketing_reservations_total{kind=\"seat\"} did not count the seat.");
        Assert.True(Moved(before, after, "ticketing_sold_out_answers_total") >= 1,
            "ticketing_sold_out_answers_total did not count the refusal.");
        Assert.True(Moved(before, after, "ticketing_payments_total", ("outcome", "declined")) >= 1,
            "ticketing_payments_total{outcome=\"declined\"} did not count the declined card.");
    }

    [Fact]
    public async Task TheScrapeCarriesOrleansAspNetCoreAndRuntimeMetricsWithoutAnAccount()
    {
        using var anonymous = gateway.CreateClient();
        using var warmUp = await anonymous.GetAsync("/api/events");

        var scrape = await PrometheusScrape.AwaitAsync(anonymous, s => s.Has("http_server_request_duration_seconds_count"));

        Assert.Contains(scrape.Samples, s => s.Name.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.True(scrape.Has("http_server_request_duration_seconds_count"), "ASP.NET Core's request duration is not exported.");
        Assert.True(scrape.Has("dotnet_gc_collections_total"), "The runtime's metrics are not exported.");
        Assert.Equal("ticketing-gateway", scrape.Samples.Single(s => s.Name == "target_info").Labels["service_name"]);
    }

    private static double Moved(PrometheusScrape before, PrometheusScrape after, string name, params (string, string)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);
}
