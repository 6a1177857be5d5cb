namespace AlpacaConnect.Gql.Guardrails;

/// <summary>The names of the guardrail rules, as reported in <c>GuardrailViolationError.rule</c>.</summary>
internal static class GuardrailRules
{
    public const string AccountBlocked = "ACCOUNT_BLOCKED";
    public const string LiveTradingDisabled = "LIVE_TRADING_DISABLED";
    public const string SymbolDenied = "SYMBOL_DENIED";
    public const string SymbolNotAllowed = "SYMBOL_NOT_ALLOWED";
    public const string OrderTypeNotAllowed = "ORDER_TYPE_NOT_ALLOWED";
    public const string TimeInForceNotAllowed = "TIME_IN_FORCE_NOT_ALLOWED";
    public const string MarketClosed = "MARKET_CLOSED";
    public const string MaxQuantity = "MAX_QUANTITY_PER_ORDER";
    public const string PriceUnavailable = "PRICE_UNAVAILABLE";
    public const string MaxNotionalPerOrder = "MAX_NOTIONAL_PER_ORDER";
    public const string LimitPriceCollar = "LIMIT_PRICE_COLLAR";
    public const string MaxOrdersPerDay = "MAX_ORDERS_PER_DAY";
    public const string MaxDailyNotional = "MAX_DAILY_NOTIONAL";
}
