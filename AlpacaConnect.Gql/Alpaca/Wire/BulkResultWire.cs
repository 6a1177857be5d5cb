using System.Text.Json;

namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary>An item of <c>DELETE /v2/orders</c>'s 207 list; <c>status</c> is an integer HTTP code (facts 2.8).</summary>
internal sealed class CancelOrderResultWire
{
    public required Guid Id { get; set; }
    public required int Status { get; set; }
    public JsonElement? Body { get; set; }
}

/// <summary>An item of <c>DELETE /v2/positions</c>'s 207 list: the closing Order, or an error body (facts 2.9).</summary>
internal sealed class ClosePositionResultWire
{
    public required string Symbol { get; set; }
    public required int Status { get; set; }
    public JsonElement? Body { get; set; }
}
