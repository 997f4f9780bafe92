using System.Net;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Api;

[Collection(GatewayCollection.Name)]
public sealed class PaymentsApiTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("tok_visa")]
    [InlineData("pm_card_visa")]
    public async Task PayingCompletesTheOrderAndSellsTheTicket(string token)
    {
        var (buyer, order, ticketId) = await ReservedOrderAsync(price: 42.5m);

        using var response = await buyer.Client.PostJsonAsync("/api/payments", new { orderId = order, token });

        var payment = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(order, payment.Str("orderId"));
        Assert.Equal(42.5m, payment.GetProperty("amount").GetDecimal());
        Assert.Equal("usd", payment.Str("currency"));
        Assert.Equal("succeeded", payment.Str("status"));
        Assert.False(string.IsNullOrEmpty(payment.Str("stripeId")));
        Assert.Equal(32, payment.Id().Length);
        Assert.Equal($"/api/orders/{order}/payment", response.Headers.Location?.OriginalString);
        Assert.Equal("complete", (await buyer.Client.GetJsonAsync($"/api/orders/{order}")).Str("status"));
        var sold = await buyer.Client.GetJsonAsync($"/api/tickets/{ticketId}");
        Assert.Equal(("sold", order), (sold.Str("status"), sold.Str("orderId")));
    }

    [Fact]
    public async Task PayingAPaidOrderAgainReturnsTheSamePaymentWithoutASecondCharge()
    {
        var (buyer, order, _) = await ReservedOrderAsync();
        using var first = await buyer.Client.PostJsonAsync("/api/payments", new { orderId = order, token = "tok_visa" });
        var payment = await first.AssertJsonAsync(HttpStatusCode.Created);

        using var again = await buyer.Client.PostJsonAsync("/api/payments", new { orderId = order, token = "tok_chargeDeclined" });

        var repeated = await again.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(payment.GetRawText(), repeated.GetRawText());
        var stored = await buyer.Client.GetJsonAsync($"/api/orders/{order}/payment");
        Assert.Equal(payment.GetRawText(), stored.GetRawText());
    }

    [Theory]
    [InlineData("tok_chargeDeclined")]
    [InlineData("pm_card_chargeDeclined")]
    public async Task ADeclinedCardIs402AndTheOrderStaysOpen(string token)
    {
        var (buyer, order, ticketId) = await ReservedOrderAsync();

        using var response = await buyer.Client.PostJsonAsync("/api/payments", new { orderId = order, token });

        await response.AssertProblemAsync(HttpStatusCode.PaymentRequired, "card_declined");
        Assert.Equal("created", (await buyer.Client.GetJsonAsync($"/api/orders/{order}")).Str("status"));
        Assert.Equal("reserved", (await buyer.Client.GetJsonAsync($"/api/tickets/{ticketId}")).Str("status"));
        using var retry = await buyer.Client.PostJsonAsync("/api/payments", new { orderId = order, token = "tok_visa" });
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
    }

    [Fact]
    public async Task ACancelledOrderCannotBePaid()
    {
        var (buyer, order, _) = await ReservedOrderAsync();
        await buyer.Client.DeleteAsync($"/api/orders/{order}");

        using var response = await buyer.Client.PostJsonAsync("/api/payments", new { orderId = order, token = "tok_visa" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "order_cancelled");
    }

    [Fact]
    public async Task SomeoneElsesOrderIsNotFound()
    {
        var (_, order, _) = await ReservedOrderAsync();
        var stranger = await gateway.SignUpAsync();

        using var response = await stranger.Client.PostJsonAsync("/api/payments", new { orderId = order, token = "tok_visa" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }

    [Theory]
    [InlineData("{}", "orderId", "token")]
    [InlineData("""{"orderId":"0123456789abcdef0123456789abcdef"}""", "token")]
    [InlineData("""{"orderId":"","token":"tok_visa"}""", "orderId")]
    [InlineData("""{"orderId":1,"token":"tok_visa"}""", "orderId")]
    public async Task MissingOrMistypedFieldsAre400(string body, params string[] fields)
    {
        var buyer = await gateway.SignUpAsync();

        using var response = await buyer.Client.PostRawAsync("/api/payments", body);

        await response.AssertValidationAsync(fields);
    }

    [Fact]
    public async Task AnUnknownCardTokenIs400AndTheOrderStaysOpen()
    {
        var (buyer, order, _) = await ReservedOrderAsync();

        using var response = await buyer.Client.PostJsonAsync("/api/payments", new { orderId = order, token = "tok_made_up" });

        await response.AssertValidationAsync("token");
        Assert.Equal("created", (await buyer.Client.GetJsonAsync($"/api/orders/{order}")).Str("status"));
    }

    [Fact]
    public async Task PayingAnUnknownOrderIs404()
    {
        var buyer = await gateway.SignUpAsync();

        using var unknown = await buyer.Client.PostJsonAsync("/api/payments", new { orderId = Ids.New(), token = "tok_visa" });
        using var misshapen = await buyer.Client.PostJsonAsync("/api/payments", new { orderId = "xyz", token = "tok_visa" });

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
        await misshapen.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }

    private async Task<(TestUser Buyer, string OrderId, string TicketId)> ReservedOrderAsync(decimal price = 20m)
    {
        var seller = await gateway.SignUpAsync();
        var buyer = await gateway.SignUpAsync();
        var ticket = await seller.SellTicketAsync(price: price);
        var order = await buyer.OrderTicketAsync(ticket.Id());
        return (buyer, order.Id(), ticket.Id());
    }
}
