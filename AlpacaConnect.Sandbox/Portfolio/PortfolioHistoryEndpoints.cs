using AlpacaConnect.Sandbox.Matching;
using AlpacaConnect.Sandbox.Trading;
using AlpacaConnect.Sandbox.Wire;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Portfolio;

/// <summary>
/// <c>GET /v2/account/portfolio/history</c> (facts-more 1), derived from the account's ledger (<see cref="EquityLedger"/>).
/// Every value is a JSON number, timestamps Unix seconds. <c>base_value</c> is the equity just before the first point;
/// <c>profit_loss_pct</c> is null where the base is zero, and no points at all is empty arrays with <c>base_value</c> 0.
/// </summary>
internal static class PortfolioHistoryEndpoints
{
    public static void MapPortfolioHistory(this IEndpointRouteBuilder v2) => v2.MapGet("/account/portfolio/history", History);

    private static IResult History(
        HttpContext http, MarketCalendar calendar, AssetCatalog assets, PriceFeed prices, TimeProvider time, IOptions<SandboxOptions> options)
    {
        var account = SandboxCaller.Of(http).Account;
        var now = time.GetUtcNow();
        if (HistoryWindow.Parse(http.Request.Query, now, account.CreatedAt, calendar, out var error) is not { } window)
        {
            return AlpacaError.Invalid(error!);
        }

        EquityLedger ledger;
        lock (account.Sync)
        {
            ledger = EquityLedger.Build(account, assets, prices, options.Value.StartingCash);
        }

        if (window.Stamps.Count == 0)
        {
            return Answer(window, [], [], [], [], 0, null);
        }

        var baseAt = window.Daily ? window.ValuedAt[0] : PreviousClose(calendar, window.Stamps[0]);
        var baseValue = ledger.EquityAt([baseAt], now)[0];
        var equity = ledger.EquityAt(window.ValuedAt, now);
        var pl = equity.Select(e => e - baseValue).ToList();
        var pct = pl.Select(p => baseValue == 0 ? (decimal?)null : Math.Round(p / baseValue, 6)).ToList();
        // Intraday: the base is the previous close, named by base_value_asof; daily: the first point (no asof, facts-more 1).
        var asof = window.Daily ? null : MarketCalendar.ToNewYork(baseAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Answer(window, window.Stamps.Select(s => s.ToUnixTimeSeconds()).ToList(), equity.Select(e => (decimal?)e).ToList(),
            pl.Select(p => (decimal?)p).ToList(), pct, baseValue, asof);
    }

    private static DateTimeOffset PreviousClose(MarketCalendar calendar, DateTimeOffset first)
    {
        var day = DateOnly.FromDateTime(MarketCalendar.ToNewYork(first).DateTime).AddDays(-1);
        while (!calendar.IsTradingDay(day))
        {
            day = day.AddDays(-1);
        }

        return MarketCalendar.At(day, calendar.CloseOf(day));
    }

    private static IResult Answer(
        HistoryWindow window, List<long> stamps, List<decimal?> equity, List<decimal?> pl, List<decimal?> pct, decimal baseValue, string? asof)
    {
        var body = new Dictionary<string, object?>
        {
            ["timestamp"] = stamps,
            ["equity"] = Numbers(equity),
            ["profit_loss"] = Numbers(pl),
            ["profit_loss_pct"] = Numbers(pct),
            ["base_value"] = (double)baseValue,
            ["timeframe"] = window.Timeframe,
        };
        if (asof is not null)
        {
            body["base_value_asof"] = asof;
        }

        return Results.Json(body, SandboxJson.Options);
    }

    // Numbers, not the Trading API's usual strings (facts-more 1).
    private static List<double?> Numbers(List<decimal?> values) => values.Select(v => v is { } d ? (double?)(double)d : null).ToList();
}
