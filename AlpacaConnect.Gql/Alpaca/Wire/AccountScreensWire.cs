namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary>
/// <c>GET /v2/account/portfolio/history</c> (facts-more 1): parallel arrays of JSON numbers, every element possibly
/// null, stamps in Unix seconds; <c>base_value_asof</c> read as text because "0000-00-00" was seen.
/// </summary>
internal sealed class PortfolioHistoryWire
{
    public List<long>? Timestamp { get; set; }
    public List<decimal?>? Equity { get; set; }
    public List<decimal?>? ProfitLoss { get; set; }
    public List<decimal?>? ProfitLossPct { get; set; }
    public decimal? BaseValue { get; set; }
    public string? BaseValueAsof { get; set; }
    public string? Timeframe { get; set; }
}

/// <summary>
/// One account activity, trade (FILL) or not, in one shape (facts-more 2): the type is an open string, the amounts are
/// strings, and <c>date</c> comes as a date or a date-time.
/// </summary>
internal sealed class ActivityWire
{
    public required string Id { get; set; }
    public required string ActivityType { get; set; }
    public string? ActivitySubType { get; set; }
    public DateTimeOffset? TransactionTime { get; set; }
    public string? Type { get; set; }
    public decimal? Price { get; set; }
    public decimal? Qty { get; set; }
    public decimal? CumQty { get; set; }
    public decimal? LeavesQty { get; set; }
    public string? Side { get; set; }
    public string? Symbol { get; set; }
    public string? OrderId { get; set; }
    public string? OrderStatus { get; set; }
    public string? Date { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public decimal? NetAmount { get; set; }
    public decimal? PerShareAmount { get; set; }
    public string? Currency { get; set; }
    public string? Status { get; set; }
    public string? Description { get; set; }
}

/// <summary><c>GET /v2/calendar</c> (facts-more 6.1): <c>open</c>/<c>close</c> <c>HH:MM</c>, sessions <c>HHMM</c>, New York time.</summary>
internal sealed class CalendarDayWire
{
    public required string Date { get; set; }
    public required string Open { get; set; }
    public required string Close { get; set; }
    public string? SessionOpen { get; set; }
    public string? SessionClose { get; set; }
    public string? SettlementDate { get; set; }
}

/// <summary>A watchlist (facts-more 5); <c>assets</c> is absent from the list answer.</summary>
internal sealed class WatchlistWire
{
    public required Guid Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public List<AssetWire>? Assets { get; set; }
}

/// <summary>The body of POST and PUT <c>/v2/watchlists</c>: PUT replaces the symbol list with <see cref="Symbols"/>.</summary>
internal sealed record WatchlistBodyWire(string Name, List<string>? Symbols);

/// <summary>The body of POST <c>/v2/watchlists/{id}</c>: one symbol, not an array (Alpaca-API#91).</summary>
internal sealed record WatchlistSymbolWire(string Symbol);
