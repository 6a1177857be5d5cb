using System.ComponentModel.DataAnnotations;
using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Guardrails;

/// <summary>App-side pre-trade limits (configuration section <c>Guardrails</c>). The app can show them before the user types.</summary>
internal sealed class GuardrailOptions
{
    public const string Section = "Guardrails";

    /// <summary>Largest estimated value of one order, in USD.</summary>
    [Range(typeof(decimal), "1", "100000000")]
    public decimal MaxNotionalPerOrder { get; set; } = 25_000m;

    /// <summary>Largest quantity of one order, in shares.</summary>
    [Range(typeof(decimal), "0.000000001", "100000000")]
    public decimal MaxQuantityPerOrder { get; set; } = 10_000m;

    /// <summary>Most orders one user may place per trading day (America/New_York).</summary>
    [Range(1, 100_000)]
    public int MaxOrdersPerDay { get; set; } = 100;

    /// <summary>Largest total estimated value a user may place per trading day, in USD.</summary>
    [Range(typeof(decimal), "1", "1000000000")]
    public decimal MaxDailyNotional { get; set; } = 100_000m;

    /// <summary>When not empty, only these symbols may be traded.</summary>
    public List<string> AllowedSymbols { get; set; } = [];

    /// <summary>Symbols that may never be traded (wins over <see cref="AllowedSymbols"/>).</summary>
    public List<string> DeniedSymbols { get; set; } = [];

    /// <summary>Order types the app may place.</summary>
    [MinLength(1)]
    public List<OrderType> AllowedOrderTypes { get; set; } = [OrderType.Market, OrderType.Limit, OrderType.Stop, OrderType.StopLimit, OrderType.TrailingStop];

    /// <summary>Time-in-force values the app may use (Alpaca reserves ioc/fok/opg/cls for some accounts).</summary>
    [MinLength(1)]
    public List<TimeInForce> AllowedTimeInForce { get; set; } = [TimeInForce.Day, TimeInForce.Gtc];

    /// <summary>
    /// How far a limit price may sit on the wrong side of the latest quote, in percent: a buy limit above
    /// the ask (or a sell limit below the bid) by more than this is refused as a likely typo.
    /// </summary>
    [Range(typeof(decimal), "0", "100")]
    public decimal LimitPriceCollarPercent { get; set; } = 10m;

    /// <summary>
    /// Asset classes the app may trade. Only US equities by default: options (valued with their contract multiplier)
    /// and crypto (GTC/IOC, traded around the clock) must be allowed on purpose.
    /// </summary>
    [MinLength(1)]
    public List<AssetClass> AllowedAssetClasses { get; set; } = [AssetClass.UsEquity];

    /// <summary>Whether orders may be placed on LIVE (real-money) connections.</summary>
    public bool AllowLiveTrading { get; set; }

    /// <summary>When orders may be placed, judged by Alpaca's clock.</summary>
    public MarketHoursPolicy MarketHours { get; set; } = MarketHoursPolicy.Always;
}

internal enum MarketHoursPolicy
{
    /// <summary>Any time; outside hours Alpaca accepts the order and it works at the open.</summary>
    Always,

    /// <summary>Market orders only while the market is open; other types any time.</summary>
    MarketOrdersWhileOpen,

    /// <summary>All orders only while the market is open.</summary>
    WhileOpen,
}
