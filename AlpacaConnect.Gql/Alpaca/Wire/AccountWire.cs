namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary><c>GET /v2/account</c> as sent (facts 2.1); fields the app does not use are left out.</summary>
internal sealed class AccountWire
{
    public required Guid Id { get; set; }
    public string? AccountNumber { get; set; }
    public string? Status { get; set; }
    public string? Currency { get; set; }
    public decimal? Cash { get; set; }
    public decimal? BuyingPower { get; set; }
    public decimal? RegtBuyingPower { get; set; }
    public decimal? DaytradingBuyingPower { get; set; }
    public decimal? NonMarginableBuyingPower { get; set; }
    public decimal? OptionsBuyingPower { get; set; }
    public decimal? Equity { get; set; }
    public decimal? LastEquity { get; set; }
    public decimal? PortfolioValue { get; set; }
    public decimal? LongMarketValue { get; set; }
    public decimal? ShortMarketValue { get; set; }
    public decimal? InitialMargin { get; set; }
    public decimal? MaintenanceMargin { get; set; }
    public decimal? Multiplier { get; set; }
    public bool? TradingBlocked { get; set; }
    public bool? TransfersBlocked { get; set; }
    public bool? AccountBlocked { get; set; }
    public bool? TradeSuspendedByUser { get; set; }
    public bool? ShortingEnabled { get; set; }
    public bool? PatternDayTrader { get; set; }
    public int? DaytradeCount { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
}
