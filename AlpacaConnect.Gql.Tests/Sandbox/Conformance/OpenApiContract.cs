using System.Text.Json.Nodes;
using AlpacaConnect.Gql.Tests.TestHost;
using Json.Schema;

namespace AlpacaConnect.Gql.Tests.Sandbox.Conformance;

/// <summary>
/// One of Alpaca's published OpenAPI 3.0 documents (vendored in <c>Specs/</c>, provenance in its README), turned into
/// JSON Schema 2020-12 per response so JsonSchema.Net can validate a body against it. The translation covers what these
/// specs use: <c>nullable</c>, <c>$ref</c> into <c>components/schemas</c>, and the schema keywords both dialects share.
/// </summary>
internal sealed class OpenApiContract
{
    private const string ComponentRefPrefix = "#/components/schemas/";

    private readonly JsonObject _document;

    private OpenApiContract(string name, JsonObject document)
    {
        Name = name;
        _document = document;
    }

    public static OpenApiContract Trading { get; } = Load("trading-api.json");

    public static OpenApiContract MarketData { get; } = Load("market-data-api.json");

    public string Name { get; }

    /// <summary>
    /// The schema of the JSON body the spec documents for <paramref name="path"/>, <paramref name="method"/> and
    /// <paramref name="status"/>, with <paramref name="deviations"/> applied to the component schemas they name.
    /// </summary>
    public JsonSchema ResponseSchema(string path, string method, int status, IEnumerable<SpecDeviation> deviations)
    {
        var responses = _document["paths"]?[path]?[method.ToLowerInvariant()]?["responses"]
            ?? throw new ArgumentException($"{Name} has no operation {method} {path}.", nameof(path));
        var schema = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"]?["schema"]
            ?? throw new ArgumentException($"{Name} documents no JSON body for {method} {path} {status}.", nameof(status));

        return Build(schema, deviations);
    }

    /// <summary>One component schema on its own: for a body the spec types as a <c>oneOf</c> that any object satisfies.</summary>
    public JsonSchema ComponentSchema(string name, IEnumerable<SpecDeviation> deviations) =>
        Build(new JsonObject { ["$ref"] = ComponentRefPrefix + name }, deviations);

    private JsonSchema Build(JsonNode schema, IEnumerable<SpecDeviation> deviations)
    {
        var definitions = new JsonObject();
        foreach (var (schemaName, component) in _document["components"]!["schemas"]!.AsObject())
        {
            definitions[schemaName] = Translate(component!.DeepClone());
        }

        foreach (var deviation in deviations)
        {
            deviation.ApplyTo(definitions);
        }

        var root = Translate(schema.DeepClone()).AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = definitions;
        return JsonSchema.FromText(root.ToJsonString());
    }

    /// <summary>A plain JSON Schema (e.g. for an endpoint neither spec documents), with the same translation.</summary>
    public static JsonSchema FromFragment(JsonNode fragment)
    {
        var root = Translate(fragment.DeepClone()).AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        return JsonSchema.FromText(root.ToJsonString());
    }

    /// <summary>OpenAPI 3.0 schema object → JSON Schema 2020-12, recursively through the keywords that hold schemas.</summary>
    internal static JsonNode Translate(JsonNode node)
    {
        if (node is not JsonObject schema)
        {
            return node;
        }

        if (schema["$ref"] is JsonValue reference && reference.GetValue<string>().StartsWith(ComponentRefPrefix, StringComparison.Ordinal))
        {
            schema["$ref"] = "#/$defs/" + reference.GetValue<string>()[ComponentRefPrefix.Length..];
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var name in properties.Select(p => p.Key).ToList())
            {
                properties[name] = Translate(properties[name]!.DeepClone());
            }
        }

        foreach (var keyword in new[] { "items", "additionalProperties", "not" })
        {
            if (schema[keyword] is JsonObject child)
            {
                schema[keyword] = Translate(child.DeepClone());
            }
        }

        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema[keyword] is JsonArray children)
            {
                schema[keyword] = new JsonArray([.. children.Select(c => Translate(c!.DeepClone()))]);
            }
        }

        // OpenAPI 3.0's nullable has no JSON Schema keyword: "this schema, or null".
        if (schema["nullable"] is JsonValue nullable && nullable.GetValue<bool>())
        {
            schema.Remove("nullable");
            return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, schema) };
        }

        return schema;
    }

    private static OpenApiContract Load(string file)
    {
        var path = RepositoryRoot.Combine("AlpacaConnect.Gql.Tests", "Sandbox", "Conformance", "Specs", file);
        return new OpenApiContract(file, JsonNode.Parse(File.ReadAllText(path))!.AsObject());
    }
}
