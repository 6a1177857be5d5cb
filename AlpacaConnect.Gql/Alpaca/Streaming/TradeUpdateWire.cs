using System.Text.Json;
using AlpacaConnect.Gql.Alpaca.Wire;

namespace AlpacaConnect.Gql.Alpaca.Streaming;

/// <summary>A message on the trade_updates socket: <c>{"stream":…,"data":…}</c>, or <c>{"action":"error",…}</c>.</summary>
internal sealed class StreamMessageWire
{
    public string? Stream { get; set; }

    public string? Action { get; set; }

    public JsonElement Data { get; set; }
}

internal sealed class AuthorizationWire
{
    public string? Status { get; set; }

    public string? Action { get; set; }
}

internal sealed class TradeUpdateWire
{
    public string? Event { get; set; }

    public OrderWire? Order { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public Guid? ExecutionId { get; set; }

    public decimal? Price { get; set; }

    public decimal? Qty { get; set; }

    /// <summary>The account's position in the symbol after this execution; negative when short.</summary>
    public decimal? PositionQty { get; set; }

    public AlpacaTradeUpdate? ToModel() =>
        Order is null ? null : new AlpacaTradeUpdate(Event ?? "", Order.ToModel(), Timestamp, ExecutionId, Price, Qty, PositionQty);
}

internal static class StreamRequests
{
    private static readonly string[] TradeUpdates = ["trade_updates"];

    public static byte[] Authenticate(string accessToken) => JsonSerializer.SerializeToUtf8Bytes(
        new { action = "authenticate", data = new { oauth_token = accessToken } });

    public static byte[] Listen() => JsonSerializer.SerializeToUtf8Bytes(
        new { action = "listen", data = new { streams = TradeUpdates } });

    public static StreamMessageWire? Parse(ReadOnlySpan<byte> message)
    {
        try
        {
            return JsonSerializer.Deserialize<StreamMessageWire>(message, WireJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static T? Read<T>(JsonElement data)
        where T : class
    {
        try
        {
            return data.ValueKind == JsonValueKind.Object ? data.Deserialize<T>(WireJson.Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
