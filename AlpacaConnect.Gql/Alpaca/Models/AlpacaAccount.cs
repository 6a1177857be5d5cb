namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary><c>GET /v2/account</c> (facts 2.1). Money in the account's currency.</summary>
internal sealed record AlpacaAccount
{
    public required Guid Id { get; init; }
    public required string AccountNumber { get; init; }
    public required AlpacaAccountStatus Status { get; init; }
    public required string Currency { get; init; }
    public decimal Cash { get; init; }
    public decimal BuyingPower { get; init; }
    public decimal? RegtBuyingPower { get; init; }
    public decimal? DaytradingBuyingPower { get; init; }
    public decimal? NonMarginableBuyingPower { get; init; }
    public decimal? OptionsBuyingPower { get; init; }
    public decimal Equity { get; init; }
    public decimal? LastEquity { get; init; }
    public decimal? PortfolioValue { get; init; }
    public decimal? LongMarketValue { get; init; }
    public decimal? ShortMarketValue { get; init; }
    public decimal? InitialMargin { get; init; }
    public decimal? MaintenanceMargin { get; init; }
    public decimal? Multiplier { get; init; }
    public bool TradingBlocked { get; init; }
    public bool TransfersBlocked { get; init; }
    public bool AccountBlocked { get; init; }
    public bool TradeSuspendedByUser { get; init; }
    public bool ShortingEnabled { get; init; }

    /// <summary>Absent since the PDT rule's retirement (peers 0.6); do not build guardrails on it.</summary>
    public bool? PatternDayTrader { get; init; }
    public int? DaytradeCount { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
}
