using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Gql.Tests.Sandbox.Conformance;

/// <summary>One upstream call the server's Alpaca client makes (Alpaca/Clients/*Api.cs), as the simulator answers it.</summary>
internal sealed record SimulatorCall(
    OpenApiContract Contract, string Method, string SpecPath, int Status, Func<SimulatorScene, Task<HttpResponseMessage>> Send);

/// <summary>
/// Every Trading and Market Data call in <c>IAlpacaTradingApi</c> and <c>IAlpacaMarketDataApi</c>, by a readable name,
/// with the spec path and status whose schema its body must match. Cancelling one order answers 204 without a body.
/// </summary>
internal static class SimulatorCalls
{
    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static readonly OpenApiContract Trading = OpenApiContract.Trading;
    private static readonly OpenApiContract Data = OpenApiContract.MarketData;

    public static IReadOnlyDictionary<string, SimulatorCall> All { get; } = new Dictionary<string, SimulatorCall>
    {
        ["account"] = new(Trading, "GET", "/v2/account", 200, s => s.Paper.GetAsync("v2/account")),
        ["place a GTC limit order"] = new(Trading, "POST", "/v2/orders", 200, s => s.Paper.PostJsonAsync("v2/orders",
            """{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"100","time_in_force":"gtc"}""")),
        ["place a day market order"] = new(Trading, "POST", "/v2/orders", 200, s => s.Paper.PostJsonAsync("v2/orders",
            """{"symbol":"AAPL","qty":"1","side":"sell","type":"market","time_in_force":"day"}""")),
        ["place a notional order"] = new(Trading, "POST", "/v2/orders", 200, s => s.Paper.PostJsonAsync("v2/orders",
            """{"symbol":"AAPL","notional":"50","side":"buy","type":"market","time_in_force":"day"}""")),
        ["place a trailing stop"] = new(Trading, "POST", "/v2/orders", 200, s => s.Paper.PostJsonAsync("v2/orders",
            """{"symbol":"AAPL","qty":"1","side":"sell","type":"trailing_stop","trail_percent":"5","time_in_force":"gtc"}""")),
        ["place a bracket"] = new(Trading, "POST", "/v2/orders", 200, s => s.Paper.PostJsonAsync("v2/orders",
            """{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"150","time_in_force":"gtc","order_class":"bracket","take_profit":{"limit_price":"250"},"stop_loss":{"stop_price":"140","limit_price":"139"}}""")),
        ["place a crypto order"] = new(Trading, "POST", "/v2/orders", 200, s => s.Paper.PostJsonAsync("v2/orders",
            """{"symbol":"BTC/USD","qty":"0.001","side":"buy","type":"limit","limit_price":"1000","time_in_force":"gtc"}""")),
        ["place an option order"] = new(Trading, "POST", "/v2/orders", 200, s => s.Paper.PostJsonAsync("v2/orders",
            $$"""{"symbol":"{{AssetCatalog.AaplCall}}","qty":"1","side":"sell","type":"limit","limit_price":"9","time_in_force":"day","position_intent":"sell_to_close"}""")),
        ["list all orders, nested"] = new(Trading, "GET", "/v2/orders", 200, s => s.Paper.GetAsync("v2/orders?status=all&nested=true&limit=500")),
        ["list open orders"] = new(Trading, "GET", "/v2/orders", 200, s => s.Paper.GetAsync("v2/orders")),
        ["get an order"] = new(Trading, "GET", "/v2/orders/{order_id}", 200, s => s.Paper.GetAsync($"v2/orders/{s.OpenOrderId}")),
        ["get a bracket, nested"] = new(Trading, "GET", "/v2/orders/{order_id}", 200, s => s.Paper.GetAsync($"v2/orders/{s.BracketId}?nested=true")),
        ["get an order by client order id"] = new(Trading, "GET", "/v2/orders:by_client_order_id", 200,
            s => s.Paper.GetAsync("v2/orders:by_client_order_id?client_order_id=conformance-open")),
        ["replace an order"] = new(Trading, "PATCH", "/v2/orders/{order_id}", 200,
            s => s.Paper.PatchJsonAsync($"v2/orders/{s.OpenOrderId}", """{"qty":"2","limit_price":"11"}""")),
        ["cancel all orders"] = new(Trading, "DELETE", "/v2/orders", 207, s => s.Paper.DeleteAsync("v2/orders")),
        ["an order's fill activities"] = new(Trading, "GET", "/v2/account/activities/{activity_type}", 200,
            s => s.Paper.GetAsync($"v2/account/activities/FILL?order_id={s.FilledOrderId}&direction=asc&page_size=100")),
        ["fill activities by type list"] = new(Trading, "GET", "/v2/account/activities", 200,
            s => s.Paper.GetAsync("v2/account/activities?activity_types=FILL&direction=desc&page_size=2")),
        ["portfolio history, daily"] = new(Trading, "GET", "/v2/account/portfolio/history", 200,
            s => s.Paper.GetAsync("v2/account/portfolio/history?period=1M&timeframe=1D")),
        ["portfolio history, intraday"] = new(Trading, "GET", "/v2/account/portfolio/history", 200,
            s => s.Paper.GetAsync("v2/account/portfolio/history?period=1W&timeframe=15Min&intraday_reporting=continuous")),
        ["activities of every type"] = new(Trading, "GET", "/v2/account/activities", 200,
            s => s.Paper.GetAsync("v2/account/activities?direction=desc&page_size=50")),
        ["calendar"] = new(Trading, "GET", "/v2/calendar", 200, s => s.Paper.GetAsync("v2/calendar?start=2026-11-23&end=2026-12-04")),
        ["list watchlists"] = new(Trading, "GET", "/v2/watchlists", 200, async s =>
        {
            await s.WatchlistIdAsync();
            return await s.Paper.GetAsync("v2/watchlists");
        }),
        ["create a watchlist"] = new(Trading, "POST", "/v2/watchlists", 200,
            s => s.Paper.PostJsonAsync("v2/watchlists", """{"name":"Tech","symbols":["AAPL","BTC/USD"]}""")),
        ["get a watchlist"] = new(Trading, "GET", "/v2/watchlists/{watchlist_id}", 200,
            async s => await s.Paper.GetAsync($"v2/watchlists/{await s.WatchlistIdAsync()}")),
        ["rename a watchlist"] = new(Trading, "PUT", "/v2/watchlists/{watchlist_id}", 200,
            async s => await s.Paper.PutAsync($"v2/watchlists/{await s.WatchlistIdAsync()}", Json("""{"name":"Renamed","symbols":["AAPL"]}"""))),
        ["add a watchlist symbol"] = new(Trading, "POST", "/v2/watchlists/{watchlist_id}", 200,
            async s => await s.Paper.PostJsonAsync($"v2/watchlists/{await s.WatchlistIdAsync()}", """{"symbol":"MSFT"}""")),
        ["remove a watchlist symbol"] = new(Trading, "DELETE", "/v2/watchlists/{watchlist_id}/{symbol}", 200,
            async s => await s.Paper.DeleteAsync($"v2/watchlists/{await s.WatchlistIdAsync()}/AAPL")),
        ["list positions"] = new(Trading, "GET", "/v2/positions", 200, s => s.Paper.GetAsync("v2/positions")),
        ["get a stock position"] = new(Trading, "GET", "/v2/positions/{symbol_or_asset_id}", 200, s => s.Paper.GetAsync("v2/positions/AAPL")),
        ["get a crypto position"] = new(Trading, "GET", "/v2/positions/{symbol_or_asset_id}", 200, s => s.Paper.GetAsync("v2/positions/BTCUSD")),
        ["get an option position"] = new(Trading, "GET", "/v2/positions/{symbol_or_asset_id}", 200,
            s => s.Paper.GetAsync($"v2/positions/{AssetCatalog.AaplCall}")),
        ["close a position"] = new(Trading, "DELETE", "/v2/positions/{symbol_or_asset_id}", 200, s => s.Paper.DeleteAsync("v2/positions/AAPL?qty=1")),
        ["close all positions"] = new(Trading, "DELETE", "/v2/positions", 207, s => s.Paper.DeleteAsync("v2/positions?cancel_orders=true")),
        ["clock"] = new(Trading, "GET", "/v2/clock", 200, s => s.Paper.GetAsync("v2/clock")),
        ["stock asset"] = new(Trading, "GET", "/v2/assets/{symbol_or_asset_id}", 200, s => s.Paper.GetAsync("v2/assets/AAPL")),
        ["crypto asset"] = new(Trading, "GET", "/v2/assets/{symbol_or_asset_id}", 200, s => s.Paper.GetAsync("v2/assets/BTC%2FUSD")),
        ["option contract"] = new(Trading, "GET", "/v2/options/contracts/{symbol_or_id}", 200,
            s => s.Paper.GetAsync($"v2/options/contracts/{AssetCatalog.AaplCall}")),
        ["non-standard option contract"] = new(Trading, "GET", "/v2/options/contracts/{symbol_or_id}", 200,
            s => s.Paper.GetAsync($"v2/options/contracts/{AssetCatalog.NonStandardOption}")),
        ["list active equities"] = new(Trading, "GET", "/v2/assets", 200, s => s.Paper.GetAsync("v2/assets?status=active")),
        ["list crypto assets"] = new(Trading, "GET", "/v2/assets", 200, s => s.Paper.GetAsync("v2/assets?status=active&asset_class=crypto")),
        ["list every equity, inactive too"] = new(Trading, "GET", "/v2/assets", 200, s => s.Paper.GetAsync("v2/assets")),
        ["stock snapshots"] = new(Data, "GET", "/v2/stocks/snapshots", 200, s => s.Data.GetAsync("v2/stocks/snapshots?symbols=AAPL,MSFT,NOPE&feed=iex")),
        ["crypto snapshots"] = new(Data, "GET", "/v1beta3/crypto/{loc}/snapshots", 200, s => s.Data.GetAsync("v1beta3/crypto/us/snapshots?symbols=BTC/USD,ETH/USD")),
        ["daily stock bars, first page"] = new(Data, "GET", "/v2/stocks/{symbol}/bars", 200,
            s => s.Data.GetAsync("v2/stocks/AAPL/bars?timeframe=1Day&start=2026-01-05T00:00:00Z&end=2026-02-05T00:00:00Z&limit=5&feed=iex")),
        ["minute stock bars"] = new(Data, "GET", "/v2/stocks/{symbol}/bars", 200,
            s => s.Data.GetAsync("v2/stocks/MSFT/bars?timeframe=5Min&start=2026-01-06T14:30:00Z&end=2026-01-06T15:30:00Z&feed=iex")),
        ["latest stock quote"] = new(Data, "GET", "/v2/stocks/{symbol}/quotes/latest", 200, s => s.Data.GetAsync("v2/stocks/AAPL/quotes/latest?feed=iex")),
        ["latest stock trade"] = new(Data, "GET", "/v2/stocks/{symbol}/trades/latest", 200, s => s.Data.GetAsync("v2/stocks/AAPL/trades/latest?feed=iex")),
        ["latest option quotes"] = new(Data, "GET", "/v1beta1/options/quotes/latest", 200,
            s => s.Data.GetAsync($"v1beta1/options/quotes/latest?symbols={AssetCatalog.AaplCall},{AssetCatalog.AaplPut}")),
        ["latest crypto quotes"] = new(Data, "GET", "/v1beta3/crypto/{loc}/latest/quotes", 200,
            s => s.Data.GetAsync("v1beta3/crypto/us/latest/quotes?symbols=BTC/USD,ETH/USD")),
    };
}
