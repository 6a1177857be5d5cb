using System.Globalization;
using System.Text.Json;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// Issue 15, done-when 2: for many generated inputs <c>previewOrder</c>'s verdict is <c>placeOrder</c>'s outcome (the
/// same errors with the same codes, rules and fields, or placed), and a preview sends nothing. Seeded, so a failure
/// names its case and repeats. Two worlds: the market open with equities only, and the market closed (a holiday in
/// the sandbox's NYSE calendar) with market orders refused while closed and every asset class allowed.
/// </summary>
public sealed class PreviewOrderPropertyTests
{
    private const int CasesPerWorld = 120;

    private static readonly string[] Symbols =
        ["AAPL", "AAPL", "AAPL", "SPY", "MSFT", "SBXN", "TSLA", "ZZZZ", "BTC/USD", "ETH/USD", "AAPL270115C00200000", "SBXN270115C00040000", "PNNY", "aapl", "NOT A SYMBOL"];

    private static readonly string[] Types = ["MARKET", "MARKET", "LIMIT", "LIMIT", "STOP", "STOP_LIMIT"];
    private static readonly string[] TimesInForce = ["DAY", "DAY", "DAY", "DAY", "GTC", "IOC", "FOK"];
    private static readonly string[] Quantities = ["1", "1", "1", "2", "2", "2", "3", "5", "0.5", "0.01", "0.0001", "30", "60", "0"];
    private static readonly string[] Notionals = ["100", "100", "1000", "6000", "12.345"];
    private static readonly decimal[] Factors = [1m, 0.97m, 0.9m, 1.2m, 0.5m];
    private static readonly decimal[] Offsets = [0m, 0m, 0m, 0m, 0m, 0.005m, 0.5m];

    private static readonly Dictionary<string, string> Shared = new()
    {
        ["Guardrails:MaxNotionalPerOrder"] = "5000",
        ["Guardrails:MaxDailyNotional"] = "30000",
        ["Guardrails:MaxQuantityPerOrder"] = "50",
        ["Guardrails:MaxOrdersPerDay"] = "45",
        ["Guardrails:DeniedSymbols:0"] = "TSLA",
        ["Alpaca:RateLimit:PermitLimit"] = "100000",
        ["Sandbox:RateLimit:RequestsPerMinute"] = "100000",
    };

    [Fact]
    public Task WithTheMarketOpenEveryPreviewIsWhatPlaceOrderDoes() => RunAsync(seed: 15_02, new Dictionary<string, string>());

    [Fact]
    public Task WithTheMarketClosedEveryPreviewIsWhatPlaceOrderDoes()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
        return RunAsync(seed: 15_03, new Dictionary<string, string>
        {
            ["Guardrails:MarketHours"] = "MarketOrdersWhileOpen",
            ["Guardrails:AllowedAssetClasses:0"] = "US_EQUITY",
            ["Guardrails:AllowedAssetClasses:1"] = "US_OPTION",
            ["Guardrails:AllowedAssetClasses:2"] = "CRYPTO",
            ["Guardrails:AllowedTimeInForce:0"] = "DAY",
            ["Guardrails:AllowedTimeInForce:1"] = "GTC",
            ["Guardrails:AllowedTimeInForce:2"] = "IOC",
            ["Sandbox:Market:Hours"] = "Nyse",
            ["Sandbox:Market:Holidays:0"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Sandbox:Market:Holidays:1"] = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
    }

    private static async Task RunAsync(int seed, Dictionary<string, string> world)
    {
        using var driver = new OrderDriver(host =>
        {
            foreach (var (key, value) in Shared.Concat(world))
            {
                host.WithSetting(key, value);
            }
        });
        await driver.ConnectAsync();
        var random = new Random(seed);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < CasesPerWorld; i++)
        {
            var input = Generate(random, driver, $"prop-{seed}-{i}");
            var posts = driver.OrderPosts;

            var preview = await PreviewQueries.PreviewAsync(driver, input);
            var previewPosts = driver.OrderPosts - posts;
            var placed = await PipelineQueries.PlaceAsync(driver, input);
            var placePosts = driver.OrderPosts - posts - previewPosts;

            var what = $"case {i} (seed {seed}): {JsonSerializer.Serialize(input)}\npreview {preview}\nplaceOrder {placed}";
            Assert.True(previewPosts == 0, $"the preview sent {previewPosts} POST /v2/orders; {what}");
            var wouldPlace = preview.GetProperty("wouldPlace").GetBoolean();
            Assert.True(wouldPlace == (placePosts == 1), $"wouldPlace {wouldPlace}, yet placeOrder sent {placePosts} POST(s); {what}");
            if (placePosts == 0)
            {
                // Refused here: the pipeline's verdict, which the preview must have given word for word.
                Assert.True(PreviewQueries.Verdict(preview).SequenceEqual(PreviewQueries.Verdict(placed)), $"the verdicts differ; {what}");
                Assert.Equal(JsonValueKind.Null, OrderDriver.Order(placed).ValueKind);
            }

            var outcome = placePosts == 0 ? string.Join(",", PreviewQueries.Verdict(placed).Select(v => string.Join("/", v.Split('/').Take(3))))
                : OrderDriver.Codes(placed) is { Count: > 0 } upstream ? "sent, refused by Alpaca: " + string.Join(",", upstream) : "placed";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // The generator must reach both sides of the property, or it shows nothing.
        var summary = string.Join("; ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} ×{o.Value}"));
        Assert.True(outcomes.GetValueOrDefault("placed") >= CasesPerWorld / 10, summary);
        Assert.True(outcomes.Where(o => o.Key.StartsWith("GUARDRAIL_VIOLATION", StringComparison.Ordinal)).Sum(o => o.Value) >= CasesPerWorld / 10, summary);
        Assert.True(outcomes.Where(o => o.Key.StartsWith("ORDER_INVALID", StringComparison.Ordinal)).Sum(o => o.Value) >= CasesPerWorld / 10, summary);
    }

    private static Dictionary<string, string?> Generate(Random random, OrderDriver driver, string key)
    {
        T Pick<T>(T[] from) => from[random.Next(from.Length)];
        var symbol = Pick(Symbols);
        var type = Pick(Types);
        var byNotional = random.Next(type == "MARKET" ? 4 : 20) == 0;
        var input = new Dictionary<string, string?>
        {
            ["idempotencyKey"] = key,
            ["symbol"] = symbol,
            ["side"] = random.Next(3) == 0 ? "SELL" : "BUY",
            ["type"] = type,
            ["timeInForce"] = symbol.Contains('/', StringComparison.Ordinal) && random.Next(2) == 0 ? "GTC" : Pick(TimesInForce),
            ["qty"] = byNotional ? null : Pick(Quantities),
            ["notional"] = byNotional ? Pick(Notionals) : null,
        };

        // Prices around the market: on the asset's increment or off it, inside the collar or outside.
        var market = Market(driver, symbol);
        string Price() => (market * Pick(Factors) + Pick(Offsets)) switch
        {
            var p when market >= 1m => decimal.Round(p, random.Next(10) == 0 ? 3 : 2).ToString(CultureInfo.InvariantCulture),
            var p => decimal.Round(p, 4).ToString(CultureInfo.InvariantCulture),
        };
        if (type is "LIMIT" or "STOP_LIMIT" && random.Next(12) > 0)
        {
            input["limitPrice"] = Price();
        }

        if (type is "STOP" or "STOP_LIMIT" && random.Next(12) > 0)
        {
            input["stopPrice"] = Price();
        }

        return input;
    }

    private static decimal Market(OrderDriver driver, string symbol)
    {
        try
        {
            return driver.Host.Control.Quote(symbol.ToUpperInvariant()).Last;
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException or InvalidOperationException)
        {
            return 100m;
        }
    }
}
