using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AlpacaConnect.Gql.Tests.Examples;

/// <summary>
/// Variables files may hold placeholders for values known only while running: a string that is exactly
/// <c>{{step:path}}</c> (a value from an earlier step's <c>data</c>, e.g. <c>{{placeOrder.limit:placeOrder.order.id}}</c>)
/// or <c>{{name}}</c> (a value the test obtains outside GraphQL, e.g. <c>{{completionCode}}</c>).
/// </summary>
public static partial class ExampleVariables
{
    public static JsonNode? Load(ExampleStep step) =>
        step.VariablesFile is null ? null : JsonNode.Parse(ExampleCatalog.Read(step.VariablesFile));

    /// <summary>The placeholders in a variables document.</summary>
    public static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => References(p.Value)),
        JsonArray a => a.SelectMany(References),
        JsonValue v when Placeholder(v) is { } key => [key],
        _ => [],
    };

    /// <summary>A copy with every placeholder replaced by <paramref name="lookup"/>'s value.</summary>
    public static JsonNode? Resolve(JsonNode? node, Func<string, JsonNode?> lookup) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value, lookup)))),
        JsonArray a => new JsonArray([.. a.Select(item => Resolve(item, lookup))]),
        JsonValue v when Placeholder(v) is { } key => lookup(key),
        _ => node?.DeepClone(),
    };

    /// <summary>Splits <c>step:path</c>; the step is null for a named value.</summary>
    public static (string? Step, string Path) Parse(string key) =>
        key.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? (key[..colon], key[(colon + 1)..]) : (null, key);

    private static string? Placeholder(JsonValue value) =>
        value.TryGetValue<string>(out var text) && PlaceholderPattern().Match(text) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"^\{\{([^{}]+)\}\}$")]
    private static partial Regex PlaceholderPattern();
}
