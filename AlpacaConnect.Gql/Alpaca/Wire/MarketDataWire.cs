using System.Text.Json.Serialization;

namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary><c>GET /v2/stocks/{symbol}/quotes/latest</c> (facts 5); prices here are JSON numbers.</summary>
internal sealed class LatestQuoteWire
{
    public string? Symbol { get; set; }
    public required QuoteWire Quote { get; set; }
}

internal sealed class QuoteWire
{
    [JsonPropertyName("t")] public DateTimeOffset Timestamp { get; set; }
    [JsonPropertyName("ap")] public decimal AskPrice { get; set; }
    [JsonPropertyName("as")] public decimal AskSize { get; set; }
    [JsonPropertyName("ax")] public string? AskExchange { get; set; }
    [JsonPropertyName("bp")] public decimal BidPrice { get; set; }
    [JsonPropertyName("bs")] public decimal BidSize { get; set; }
    [JsonPropertyName("bx")] public string? BidExchange { get; set; }
    // Stock quotes carry an array of conditions, option quotes one string (MD-SPEC-2026 option_quote), crypto none.
    [JsonPropertyName("c"), JsonConverter(typeof(OneOrManyStringsConverter))] public List<string>? Conditions { get; set; }
    [JsonPropertyName("z")] public string? Tape { get; set; }
}

/// <summary>
/// The multi-symbol latest quotes of options (<c>/v1beta1/options/quotes/latest</c>) and crypto
/// (<c>/v1beta3/crypto/us/latest/quotes</c>): <c>{"quotes":{"SYM":Quote}}</c> (MD-SPEC-2026).
/// </summary>
internal sealed class LatestQuotesWire
{
    public Dictionary<string, QuoteWire>? Quotes { get; set; }
}

/// <summary><c>GET /v2/stocks/{symbol}/trades/latest</c> (facts 5).</summary>
internal sealed class LatestTradeWire
{
    public string? Symbol { get; set; }
    public required TradeWire Trade { get; set; }
}

internal sealed class TradeWire
{
    [JsonPropertyName("t")] public DateTimeOffset Timestamp { get; set; }
    [JsonPropertyName("p")] public decimal Price { get; set; }
    [JsonPropertyName("s")] public decimal Size { get; set; }
    [JsonPropertyName("x")] public string? Exchange { get; set; }
    [JsonPropertyName("i")] public long? Id { get; set; }
    [JsonPropertyName("c")] public List<string>? Conditions { get; set; }
    [JsonPropertyName("z")] public string? Tape { get; set; }
}
