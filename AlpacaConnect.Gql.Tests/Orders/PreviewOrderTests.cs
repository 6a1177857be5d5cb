using System.Text.Json;
using AlpacaConnect.Gql.Tests.Sandbox;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// <c>previewOrder</c> (issue 15): what placeOrder would do, from the pipeline's own checks, with nothing sent, saved or
/// reserved. The property that it always agrees with placeOrder is <see cref="PreviewOrderPropertyTests"/>.
/// </summary>
public sealed class PreviewOrderTests : IDisposable
{
    private readonly OrderDriver _driver = new(host => host
        .WithSetting("Guardrails:MaxNotionalPerOrder", "1000")
        .WithSetting("Guardrails:MaxOrdersPerDay", "1"));

    public void Dispose() => _driver.Dispose();

    [Fact]
    public async Task APreviewValuesTheOrderAtTheQuoteAndShowsEveryVerdictAndTheBuyingPowerAfter()
    {
        await _driver.ConnectAsync();
        _driver.Host.Control.SetPrice("AAPL", 190m);
        var quote = _driver.Host.Control.Quote("AAPL");

        var preview = await PreviewQueries.PreviewAsync(_driver, OrderDriver.MarketBuy("p-1", qty: "2"));

        Assert.True(preview.GetProperty("wouldPlace").GetBoolean(), preview.ToString());
        Assert.Empty(preview.GetProperty("errors").EnumerateArray());
        var ask = decimal.Parse(preview.GetProperty("quote").Str("ask"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(quote.Ask, ask);
        Assert.Equal(preview.GetProperty("quote").Str("price"), preview.GetProperty("quote").Str("ask"));
        Assert.Equal(Math.Round(2 * ask, 2), Dec(preview, "estimatedNotional"));
        Assert.Equal(Dec(preview, "buyingPower") - Dec(preview, "estimatedNotional"), Dec(preview, "buyingPowerAfter"));
        var perOrder = PreviewQueries.Check(preview, "guardrails", "MAX_NOTIONAL_PER_ORDER");
        Assert.Equal((true, "1000", Math.Round(2 * ask, 2).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (perOrder.GetProperty("passed").GetBoolean(), perOrder.Str("limit"), perOrder.Str("actual")));
        Assert.Contains(preview.GetProperty("assetChecks").EnumerateArray(), c => c.Str("rule") == "ASSET_NOT_TRADABLE" && c.GetProperty("passed").GetBoolean());
        Assert.Equal(0, _driver.OrderPosts);
    }

    [Fact]
    public async Task ARefusedPreviewNamesTheSameErrorsAsPlaceOrderAndNeitherSendsAnything()
    {
        await _driver.ConnectAsync();
        var input = OrderDriver.MarketBuy("p-2", qty: "10");

        var preview = await PreviewQueries.PreviewAsync(_driver, input);
        var placed = await PipelineQueries.PlaceAsync(_driver, input);

        Assert.False(preview.GetProperty("wouldPlace").GetBoolean());
        Assert.Equal(["GUARDRAIL_VIOLATION/MAX_NOTIONAL_PER_ORDER"], PreviewQueries.Verdict(preview).Select(v => string.Join("/", v.Split('/').Take(2))));
        Assert.Equal(PreviewQueries.Verdict(placed), PreviewQueries.Verdict(preview));
        Assert.False(PreviewQueries.Check(preview, "guardrails", "MAX_NOTIONAL_PER_ORDER").GetProperty("passed").GetBoolean());
        Assert.Equal(0, _driver.OrderPosts);
    }

    [Fact]
    public async Task APreviewReservesNothingOfTheDailyLimits()
    {
        await _driver.ConnectAsync();

        // The cap is one order a day: previews before it must leave it for the order.
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await PreviewQueries.PreviewAsync(_driver, OrderDriver.LimitBuy($"p-r{i}", qty: "1", limitPrice: "180")))
                .GetProperty("wouldPlace").GetBoolean());
        }

        var placed = await PipelineQueries.PlaceAsync(_driver, OrderDriver.LimitBuy("p-r", qty: "1", limitPrice: "180"));
        var after = await PreviewQueries.PreviewAsync(_driver, OrderDriver.LimitBuy("p-r9", qty: "1", limitPrice: "180"));

        Assert.Empty(OrderDriver.Codes(placed));
        Assert.Equal(1, _driver.OrderPosts);
        Assert.Equal(["GUARDRAIL_VIOLATION"], OrderDriver.Codes(after));
        Assert.Equal(("2", "1"), (PreviewQueries.Check(after, "guardrails", "MAX_ORDERS_PER_DAY").Str("actual"),
            PreviewQueries.Check(after, "guardrails", "MAX_ORDERS_PER_DAY").Str("limit")));
    }

    [Fact]
    public async Task APreviewOfAnUnknownSymbolStopsAtTheAssetWithoutGuardrails()
    {
        await _driver.ConnectAsync();

        var preview = await PreviewQueries.PreviewAsync(_driver, OrderDriver.MarketBuy("p-u", symbol: "ZZZZ"));

        Assert.Equal(["ORDER_INVALID/ASSET_NOT_FOUND/symbol"], PreviewQueries.Verdict(preview).Select(v => string.Join("/", v.Split('/').Take(3))));
        var check = Assert.Single(preview.GetProperty("assetChecks").EnumerateArray());
        Assert.False(check.GetProperty("passed").GetBoolean());
        Assert.Empty(preview.GetProperty("guardrails").EnumerateArray());
        Assert.Equal(0, _driver.OrderPosts);
    }

    [Fact]
    public async Task WithoutAConnectionThePreviewIsRefusedWithNotConnected()
    {
        var preview = await PreviewQueries.PreviewAsync(_driver, OrderDriver.MarketBuy("p-nc"));

        Assert.Equal(["NOT_CONNECTED"], OrderDriver.Codes(preview));
        Assert.Equal(JsonValueKind.Null, preview.GetProperty("quote").ValueKind);
    }

    private static decimal Dec(JsonElement e, string name) =>
        decimal.Parse(e.Str(name), System.Globalization.CultureInfo.InvariantCulture);
}
