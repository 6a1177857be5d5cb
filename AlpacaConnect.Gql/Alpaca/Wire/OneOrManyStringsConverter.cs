using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary>Reads a JSON string or an array of strings as a list; writes an array.</summary>
internal sealed class OneOrManyStringsConverter : JsonConverter<List<string>>
{
    public override List<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => [reader.GetString()!],
            JsonTokenType.StartArray => JsonSerializer.Deserialize<List<string>>(ref reader),
            _ => throw new JsonException($"Expected a string or an array of strings, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, List<string> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value);
}
