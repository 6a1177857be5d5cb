namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary>The equity chart; <see cref="BaseValue"/> is what profit and loss are measured from.</summary>
internal sealed record AlpacaPortfolioHistory(IReadOnlyList<AlpacaEquityPoint> Points, decimal? BaseValue, DateOnly? BaseValueAsOf, string Timeframe);

/// <summary>One point; Alpaca may leave any value null (facts-more 1). <see cref="ProfitLossPct"/> is a fraction.</summary>
internal sealed record AlpacaEquityPoint(DateTimeOffset Timestamp, decimal? Equity, decimal? ProfitLoss, decimal? ProfitLossPct);

/// <summary>An account activity as sent: FILL fields or non-trade fields, the others null.</summary>
internal sealed record AlpacaActivity
{
    public required string Id { get; init; }
    public required string ActivityType { get; init; }
    public string? SubType { get; init; }
    public DateTimeOffset? TransactionTime { get; init; }
    public string? FillType { get; init; }
    public decimal? Price { get; init; }
    public decimal? Qty { get; init; }
    public decimal? CumQty { get; init; }
    public decimal? LeavesQty { get; init; }
    public string? Side { get; init; }
    public string? Symbol { get; init; }
    public Guid? OrderId { get; init; }
    public string? OrderStatus { get; init; }
    public DateOnly? Date { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public decimal? NetAmount { get; init; }
    public decimal? PerShareAmount { get; init; }
    public string? Currency { get; init; }
    public string? Status { get; init; }
    public string? Description { get; init; }

    /// <summary>Only FILL is a trade activity (facts-more 2, alpaca-py's own test).</summary>
    public bool IsTrade => ActivityType == "FILL";
}

/// <summary>A trading day; times are New York local (facts-more 6.1).</summary>
internal sealed record AlpacaMarketDay(DateOnly Date, TimeOnly Open, TimeOnly Close, TimeOnly? SessionOpen, TimeOnly? SessionClose, DateOnly? SettlementDate);

/// <summary>A watchlist; <see cref="Assets"/> null when read from the list (Alpaca leaves them out there).</summary>
internal sealed record AlpacaWatchlist(Guid Id, string Name, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, IReadOnlyList<AlpacaAsset>? Assets);
