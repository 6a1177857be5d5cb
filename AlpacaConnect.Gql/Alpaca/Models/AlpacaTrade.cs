namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary>Latest trade print from the data API (facts 5).</summary>
internal sealed record AlpacaTrade
{
    public required string Symbol { get; init; }
    public DateTimeOffset Timestamp { get; init; }
    public decimal Price { get; init; }
    public decimal Size { get; init; }
    public string? Exchange { get; init; }
    public long? TradeId { get; init; }
    public IReadOnlyList<string> Conditions { get; init; } = [];
    public string? Tape { get; init; }
}
