namespace AlpacaConnect.Gql.Trading.Reads;

/// <summary>The <c>what</c> of <see cref="ConnectionReadCache"/> keys; each names one upstream read and its type.</summary>
internal static class ReadKinds
{
    /// <summary><c>GET /v2/account</c>, an <c>AlpacaAccount</c>.</summary>
    public const string Account = "account";

    /// <summary><c>GET /v2/positions</c>, an <c>IReadOnlyList&lt;AlpacaPosition&gt;</c>.</summary>
    public const string Positions = "positions";

    /// <summary><c>GET /v2/clock</c>, an <c>AlpacaClock</c>.</summary>
    public const string Clock = "clock";

    /// <summary>
    /// <c>GET /v2/account</c> as the order checks read it, an <c>AlpacaAccount</c> of which only the status flags count.
    /// A fill does not change them, so it stays when a fill forgets <see cref="Account"/>.
    /// </summary>
    public const string AccountStatus = "account-status";

    /// <summary><c>GET /v2/clock</c> as the order checks read it (whether the market is open), an <c>AlpacaClock</c>.</summary>
    public const string MarketHours = "market-hours";

    /// <summary>The latest quote of a symbol of one asset class, an <c>AlpacaQuote</c>.</summary>
    public static string Quote(AssetClass assetClass, string symbol) => $"quote:{assetClass}:{symbol}";

    /// <summary>The order history sync's last run (<c>GET /v2/orders</c>), the number of orders it changed.</summary>
    public const string OrderHistory = "order-history";

    /// <summary>What a trade changes: reads of these kinds are forgotten when an order is placed, filled or canceled.</summary>
    public static bool ChangedByTrades(string what) => what is Account or Positions or OrderHistory;
}
