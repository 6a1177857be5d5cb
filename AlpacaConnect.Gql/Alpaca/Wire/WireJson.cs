using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary>Alpaca's JSON: snake_case names, decimals as strings (read from strings or numbers), nulls left out.</summary>
internal static class WireJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new WireDecimalConverter(), new WireNullableDecimalConverter() },
    };
}
