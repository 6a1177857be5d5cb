using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlpacaConnect.Gql.GraphQL.TrustedDocuments;

/// <summary>
/// Apollo's persisted query manifest (<c>format</c> <c>apollo-persisted-query-manifest</c>, <c>version</c> 1), the
/// file Apollo's <c>generate-persisted-query-manifest</c> writes and its clients read: each operation's id is the
/// SHA-256 (lower-case hex) of its body.
/// </summary>
internal sealed record PersistedQueryManifest(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("operations")] IReadOnlyList<ManifestOperation> Operations)
{
    public const string ApolloFormat = "apollo-persisted-query-manifest";
    public const string FileName = "persisted-query-manifest.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, IndentSize = 2 };

    public static PersistedQueryManifest Of(IEnumerable<ManifestOperation> operations) =>
        new(ApolloFormat, 1, [.. operations.OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal)]);

    public static string IdOf(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    public string ToJson() => JsonSerializer.Serialize(this, Json).ReplaceLineEndings("\n") + "\n";

    /// <summary>The manifest in <paramref name="json"/>, or why it cannot be trusted.</summary>
    public static (PersistedQueryManifest? Manifest, string? Error) Parse(string json)
    {
        PersistedQueryManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PersistedQueryManifest>(json);
        }
        catch (JsonException exception)
        {
            return (null, $"not a JSON manifest ({exception.Message})");
        }

        if (manifest is not { Format: ApolloFormat, Version: 1, Operations: not null })
        {
            return (null, $"'format' must be '{ApolloFormat}' and 'version' 1");
        }

        var wrong = manifest.Operations.FirstOrDefault(o => o?.Id is null || o.Body is null || o.Id != IdOf(o.Body));
        return wrong is null
            ? (manifest, null)
            : (null, $"operation '{wrong?.Name}' has an id that is not the SHA-256 of its body");
    }
}

/// <summary>One trusted operation: <c>type</c> is <c>query</c>, <c>mutation</c> or <c>subscription</c>.</summary>
internal sealed record ManifestOperation(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("body")] string Body);
