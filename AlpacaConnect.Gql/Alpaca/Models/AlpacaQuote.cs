namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary>Latest NBBO quote from the data API (facts 5).</summary>
internal sealed record AlpacaQuote
{
    public required string Symbol { get; init; }
    public DateTimeOffset Timestamp { get; init; }
    public decimal AskPrice { get; init; }
    public decimal AskSize { get; init; }
    public string? AskExchange { get; init; }
    public decimal BidPrice { get; init; }
    public decimal BidSize { get; init; }
    public string? BidExchange { get; init; }
    public IReadOnlyList<string> Conditions { get; init; } = [];
    public string? Tape { get; init; }
}
