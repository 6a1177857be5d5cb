using System.Text.Json;
using AlpacaConnect.Sandbox.Faults;
using AlpacaConnect.Gql.Tests.Sandbox;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// Alpaca's refusals of placeOrder as typed errors, each with our code and Alpaca's code kept as upstreamCode
/// (403 40310000 insufficient buying power is in <see cref="PlaceOrderTests"/>).
/// </summary>
public sealed class PlaceOrderErrorMappingTests : IDisposable
{
    private readonly OrderDriver _driver = new();

    public void Dispose() => _driver.Dispose();

    private static int? UpstreamCode(JsonElement error) =>
        error.GetProperty("upstreamCode").ValueKind == JsonValueKind.Null ? null : error.GetProperty("upstreamCode").GetInt32();

    [Fact]
    public async Task SellingSharesTheAccountDoesNotHoldIsABrokerRejectionWithAlpacasCode()
    {
        await _driver.ConnectAsync();

        var payload = await _driver.PlaceAsync(new { idempotencyKey = "e-sell", symbol = "AAPL", side = "SELL", type = "LIMIT", timeInForce = "DAY", qty = "1", limitPrice = "180" });

        var error = OrderDriver.Error(payload);
        Assert.Equal(("AlpacaRejectedError", "BROKER_REJECTED", 40310000), (error.Str("__typename"), error.Str("code"), UpstreamCode(error)));
        Assert.Contains("insufficient qty available", error.Str("message"), StringComparison.Ordinal);
        Assert.Equal("REJECTED", OrderDriver.Order(payload).Str("status"));
    }

    [Fact]
    public async Task AForbiddenAnswerWithoutACodeIsABrokerRejection()
    {
        await _driver.ConnectAsync();
        _driver.Host.Control.AddFault(new FaultRule { Route = "POST /v2/orders", Kind = FaultKind.ServerError, Status = 403 });

        var payload = await _driver.PlaceAsync(OrderDriver.LimitBuy("e-403", qty: "1", limitPrice: "150"));

        var error = OrderDriver.Error(payload);
        Assert.Equal(("AlpacaRejectedError", "BROKER_REJECTED", (int?)null), (error.Str("__typename"), error.Str("code"), UpstreamCode(error)));
        Assert.Equal(1, _driver.OrderPosts);
    }

    [Fact]
    public async Task AnOrderForASymbolAlpacaDoesNotListIsOrderInvalidBeforeAnyPost()
    {
        // Every order's asset is looked up first (GET /v2/assets/{symbol} answers 404): nothing is saved or sent.
        await _driver.ConnectAsync();

        var payload = await _driver.PlaceAsync(OrderDriver.LimitBuy("e-422", qty: "1", limitPrice: "10", symbol: "NOPE"));

        var error = OrderDriver.Error(payload);
        Assert.Equal(("OrderInvalidError", "ORDER_INVALID", (int?)null), (error.Str("__typename"), error.Str("code"), UpstreamCode(error)));
        Assert.Contains("NOPE", error.Str("message"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("order").ValueKind);
        Assert.Equal(0, _driver.OrderPosts);
    }

    [Fact]
    public async Task AnUnprocessableAnswerWithoutACodeIsOrderInvalid()
    {
        await _driver.ConnectAsync();
        _driver.Host.Control.AddFault(new FaultRule { Route = "POST /v2/orders", Kind = FaultKind.ServerError, Status = 422 });

        var payload = await _driver.PlaceAsync(OrderDriver.LimitBuy("e-422b", qty: "1", limitPrice: "150"));

        var error = OrderDriver.Error(payload);
        Assert.Equal(("OrderInvalidError", "ORDER_INVALID"), (error.Str("__typename"), error.Str("code")));
        Assert.Empty(await _driver.SandboxOrdersAsync());
    }

    [Fact]
    public async Task ARateLimitedSubmissionSaysWhenToRetry()
    {
        await _driver.ConnectAsync();
        _driver.Host.Control.AddFault(new FaultRule { Route = "POST /v2/orders", Kind = FaultKind.RateLimited });

        var payload = await _driver.PlaceAsync(OrderDriver.LimitBuy("e-429", qty: "1", limitPrice: "150"));

        var error = OrderDriver.Error(payload);
        Assert.Equal(("RateLimitedError", "RATE_LIMITED"), (error.Str("__typename"), error.Str("code")));
        Assert.True(error.GetProperty("retryAfter").GetInt32() >= 0, error.ToString());
        Assert.Equal(JsonValueKind.Null, OrderDriver.Order(payload).ValueKind);
        Assert.Empty(await _driver.SandboxOrdersAsync());
    }

    [Fact]
    public async Task ARevokedTokenAsksTheUserToReconnectAndPlacesNothing()
    {
        await _driver.ConnectAsync();
        var fingerprint = _driver.Host.Control.Requests.Last(r => r.TokenFingerprint is not null && r.Route.StartsWith("GET /v2/", StringComparison.Ordinal)).TokenFingerprint!;
        Assert.True(_driver.Host.Control.RevokeTokenByFingerprint(fingerprint) > 0);

        var payload = await _driver.PlaceAsync(OrderDriver.LimitBuy("e-401", qty: "1", limitPrice: "150"));

        Assert.Equal(("ReauthRequiredError", "REAUTH_REQUIRED"), (OrderDriver.Error(payload).Str("__typename"), OrderDriver.Error(payload).Str("code")));
        Assert.Equal(0, _driver.OrderPosts);
        Assert.Empty(await _driver.SandboxOrdersAsync());
    }
}
