using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary>
/// The Trading API sends decimals as strings to keep their precision (facts 2); the data API sends numbers (facts 5).
/// Both read; decimals are always written as strings.
/// </summary>
internal sealed class WireDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WireDecimal.Read(ref reader) ?? throw new JsonException("Expected a decimal, found an empty value.");

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}

/// <summary>Like <see cref="WireDecimalConverter"/>; an empty string reads as null.</summary>
internal sealed class WireNullableDecimalConverter : JsonConverter<decimal?>
{
    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WireDecimal.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is { } number)
        {
            writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

internal static class WireDecimal
{
    public static decimal? Read(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDecimal(out var number) => number,
        JsonTokenType.Number => (decimal)reader.GetDouble(),
        JsonTokenType.String when reader.GetString() is not { Length: > 0 } => null,
        JsonTokenType.String when decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a decimal as a string or number, found {reader.TokenType}."),
    };
}
