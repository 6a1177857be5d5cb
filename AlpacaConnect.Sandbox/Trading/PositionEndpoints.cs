using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Matching;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.Trading;

/// <summary>Positions; closing one answers with the closing market Order, closing all with 207.</summary>
internal static class PositionEndpoints
{
    public static void MapPositions(this IEndpointRouteBuilder v2)
    {
        v2.MapGet("/positions", List);
        v2.MapGet("/positions/{symbol}", Get);
        v2.MapDelete("/positions/{symbol}", Close);
        v2.MapDelete("/positions", CloseAll);
    }

    private static IResult List(HttpContext http, PriceFeed prices)
    {
        var account = SandboxCaller.Of(http).Account;
        lock (account.Sync)
        {
            var positions = account.Positions.Values.OrderBy(p => p.Asset.Symbol, StringComparer.Ordinal)
                .Select(p => Wire(account, p, prices)).ToList();
            return Results.Json(positions, SandboxJson.Options);
        }
    }

    private static IResult Get(string symbol, HttpContext http, PriceFeed prices, AssetCatalog assets)
    {
        var account = SandboxCaller.Of(http).Account;
        lock (account.Sync)
        {
            return Held(assets, symbol) is { } asset && account.Positions.TryGetValue(asset.Symbol, out var position)
                ? Results.Json(Wire(account, position, prices), SandboxJson.Options)
                : NotFound();
        }
    }

    private static IResult Close(string symbol, HttpContext http, AssetCatalog assets, SandboxOrderPlacement placement)
    {
        var account = SandboxCaller.Of(http).Account;
        var q = http.Request.Query;
        if (!decimal.TryParse(q["qty"].FirstOrDefault() ?? "0", System.Globalization.CultureInfo.InvariantCulture, out var qty) ||
            !decimal.TryParse(q["percentage"].FirstOrDefault() ?? "0", System.Globalization.CultureInfo.InvariantCulture, out var percentage) ||
            qty < 0 || percentage < 0 || percentage > 100 || (qty > 0 && percentage > 0))
        {
            return AlpacaError.Invalid("only one of qty or percentage (0-100) may be specified");
        }

        if (Held(assets, symbol) is not { } asset)
        {
            return NotFound();
        }

        decimal owned;
        lock (account.Sync)
        {
            if (!account.Positions.TryGetValue(asset.Symbol, out var position))
            {
                return NotFound();
            }

            owned = position.Qty;
        }

        var amount = qty > 0 ? qty : percentage > 0 ? decimal.Round(owned * percentage / 100m, 9) : owned;
        var (order, error) = placement.Place(account, ClosingOrder(asset, amount), asset);
        return order is null ? error! : OrderResults.Order(account, order, withLegs: false);
    }

    private static IResult CloseAll(HttpContext http, SandboxOrderPlacement placement, SandboxOrderCancellation cancellation)
    {
        var account = SandboxCaller.Of(http).Account;
        if (http.Request.Query["cancel_orders"].FirstOrDefault() == "true")
        {
            cancellation.RequestAll(account);
        }

        List<SandboxPosition> positions;
        lock (account.Sync)
        {
            positions = account.Positions.Values.OrderBy(p => p.Asset.Symbol, StringComparer.Ordinal).ToList();
        }

        var results = positions.Select(p =>
        {
            var (order, _) = placement.Place(account, ClosingOrder(p.Asset, p.Qty), p.Asset);
            lock (account.Sync)
            {
                return order is null
                    ? (object)new { symbol = p.Asset.PositionSymbol, status = 403, body = new { code = AlpacaError.Forbidden, message = "insufficient qty available for order", symbol = p.Asset.PositionSymbol } }
                    : new { symbol = p.Asset.PositionSymbol, status = 200, body = SandboxOrderWire.From(order, withLegs: false) };
            }
        }).ToList();
        return Results.Json(results, SandboxJson.Options, statusCode: 207);
    }

    /// <summary>
    /// The asset a position path names: its position symbol or asset id. Crypto positions answer only without the
    /// slash: <c>/v2/positions/BTC/USD</c> is 404 while <c>BTCUSD</c> works (facts-more 3.3, alpaca-py#537).
    /// </summary>
    private static SandboxAsset? Held(AssetCatalog assets, string routeValue)
    {
        var symbol = AssetCatalog.FromPath(routeValue);
        return assets.Find(symbol) is { } asset && (symbol == asset.PositionSymbol || Guid.TryParse(symbol, out _)) ? asset : null;
    }

    // Crypto takes no day orders (facts-more 3.3), so its closing order is gtc.
    private static NewOrderRequest ClosingOrder(SandboxAsset asset, decimal qty) => new()
    {
        Symbol = asset.Symbol, Qty = qty, Side = "sell", Type = "market", TimeInForce = asset.IsCrypto ? "gtc" : "day",
    };

    private static SandboxPositionWire Wire(SandboxAccount account, SandboxPosition position, PriceFeed prices) =>
        SandboxPositionWire.From(position, account.HeldForOrders(position.Asset.Symbol), prices.Quote(position.Asset));

    private static IResult NotFound() => AlpacaError.Result(404, AlpacaError.NotFound, "position not found");
}
