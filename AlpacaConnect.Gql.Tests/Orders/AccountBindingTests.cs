using System.Text.Json;
using AlpacaConnect.Sandbox;
using AlpacaConnect.Sandbox.Faults;
using AlpacaConnect.Gql.Tests.Sandbox;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// Issue 13, "a retry can land on another account": an order is bound to the Alpaca account and environment it was
/// sent to. After the app user re-links to another one (here alice's LIVE account; live trading stays disabled), every
/// later send, lookup and cancel of the old order answers ACCOUNT_CHANGED and reaches no account. The trade_updates
/// stream is off so the request log holds only what these commands sent.
/// </summary>
public sealed class AccountBindingTests : IDisposable
{
    private static readonly string[] OrderRoutes =
        ["POST /v2/orders", "GET /v2/orders:by_client_order_id", "GET /v2/orders/{orderId}", "DELETE /v2/orders/{orderId}", "PATCH /v2/orders/{orderId}"];

    private readonly OrderDriver _driver = new(host => host
        .WithSetting("Streaming:Mode", "Off")
        .WithSetting("Alpaca:AllowLive", "true"));

    public void Dispose() => _driver.Dispose();

    /// <summary>Every order request the sandbox received since the log was last cleared, on either environment.</summary>
    private List<string> OrderRequests() => _driver.Host.Control.Requests
        .Where(r => OrderRoutes.Contains(r.Route))
        .Select(r => $"{r.Method} {r.Path} → {r.Status}")
        .ToList();

    /// <summary>The same app user now linked to alice's LIVE account; the request log starts empty from here.</summary>
    private async Task RelinkToLiveAsync()
    {
        await _driver.ConnectAsync(environment: "LIVE");
        _driver.Host.Control.ClearRequests();
    }

    /// <summary>A paper order whose POST answered 504 and whose lookups failed too: the row stays UNKNOWN.</summary>
    private async Task<JsonElement> UnsettledPaperOrderAsync(object input)
    {
        _driver.Host.Control.AddFault(new FaultRule { Route = "POST /v2/orders", Kind = FaultKind.ServerError, Status = 504, Environment = SandboxEnvironment.Paper });
        _driver.Host.Control.AddFault(new FaultRule { Route = "GET /v2/orders:by_client_order_id", Kind = FaultKind.ServerError, Status = 504, Count = null });
        var unknown = await _driver.PlaceAsync(input);
        Assert.Equal(["ORDER_STATE_UNKNOWN"], OrderDriver.Codes(unknown));
        Assert.Equal("UNKNOWN", OrderDriver.Order(unknown).Str("status"));
        _driver.Host.Control.ClearFaults();
        return unknown;
    }

    [Fact]
    public async Task AnUnsettledPaperKeyRetriedAfterRelinkingToLiveSendsNothingAnywhere()
    {
        await _driver.ConnectAsync();
        var input = OrderDriver.MarketBuy("paper-then-live");
        var unknown = await UnsettledPaperOrderAsync(input);
        await RelinkToLiveAsync();

        var retried = await _driver.PlaceAsync(input);

        Assert.True(OrderRequests().Count == 0, $"sent after the re-link: {string.Join("; ", OrderRequests())}; answered {retried}");
        Assert.Equal(("OrderAccountChangedError", "ACCOUNT_CHANGED"), (OrderDriver.Error(retried).Str("__typename"), OrderDriver.Error(retried).Str("code")));
        Assert.Equal(OrderDriver.Order(unknown).Str("id"), OrderDriver.Order(retried).Str("id"));
    }

    [Fact]
    public async Task TheAccountChangedRefusalNamesTheOrder()
    {
        await _driver.ConnectAsync();
        var input = OrderDriver.MarketBuy("paper-then-live-named");
        var unknown = await UnsettledPaperOrderAsync(input);
        await RelinkToLiveAsync();

        var retried = await PipelineQueries.PlaceAsync(_driver, input);

        var error = OrderDriver.Error(retried);
        Assert.Equal(("ACCOUNT_CHANGED", OrderDriver.Order(unknown).Str("id")), (error.Str("code"), error.Str("orderId")));
        Assert.Empty(OrderRequests());
    }

    [Fact]
    public async Task CancellingAPaperOrderAfterRelinkingToLiveAnswersAccountChangedAndSendsNoDelete()
    {
        await _driver.ConnectAsync();
        var open = OrderDriver.Order(await _driver.PlaceAsync(OrderDriver.LimitBuy("paper-open", qty: "1", limitPrice: "150"))).Str("id");
        await RelinkToLiveAsync();

        var payload = await PipelineQueries.CancelAsync(_driver, open);

        Assert.True(OrderRequests().Count == 0, $"sent after the re-link: {string.Join("; ", OrderRequests())}; answered {payload}");
        Assert.Equal(["ACCOUNT_CHANGED"], OrderDriver.Codes(payload));
        var held = Assert.Single(await _driver.SandboxOrdersAsync());
        Assert.Equal("new", held.Str("status"));
    }

    [Fact]
    public async Task AnOrderOfTheAccountSwitchedAwayFromReadsAsDetached()
    {
        await _driver.ConnectAsync();
        var open = OrderDriver.Order(await _driver.PlaceAsync(OrderDriver.LimitBuy("paper-kept", qty: "1", limitPrice: "150"))).Str("id");
        Assert.False(await DetachedAsync(open));

        await RelinkToLiveAsync();

        Assert.True(await DetachedAsync(open));
    }

    private async Task<bool> DetachedAsync(string id)
    {
        var response = await _driver.GraphQLAsync("app-alice", PipelineQueries.Detached);
        Assert.True(response.Errors.Count == 0, response.Raw);
        return response.Data.GetProperty("orders").GetProperty("edges").EnumerateArray()
            .Single(e => e.GetProperty("node").Str("id") == id).GetProperty("node").GetProperty("detached").GetBoolean();
    }
}
