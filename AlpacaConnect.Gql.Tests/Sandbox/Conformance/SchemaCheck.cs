using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace AlpacaConnect.Gql.Tests.Sandbox.Conformance;

/// <summary>Validates a body against a schema and names each failing field by its JSON pointer.</summary>
internal static class SchemaCheck
{
    private static readonly EvaluationOptions Options = CreateOptions();

    /// <summary>Empty when <paramref name="body"/> conforms; otherwise one line per failing keyword.</summary>
    public static IReadOnlyList<string> Problems(JsonSchema schema, JsonElement body)
    {
        var problems = new List<string>();
        Collect(schema.Evaluate(body, Options), body, problems);
        return [.. problems.Distinct()];
    }

    // Hierarchical output: a failing branch under a passing anyOf (e.g. "or null") is not a problem, so only invalid
    // nodes are descended into.
    private static void Collect(EvaluationResults node, JsonElement body, List<string> problems)
    {
        if (node.IsValid)
        {
            return;
        }

        var pointer = node.InstanceLocation.ToString();
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            // The empty keyword is a false schema: the field is one Alpaca no longer sends.
            var rule = keyword.Length == 0 ? "absent" : keyword;
            problems.Add($"{Pointer(pointer)} {Value(body, pointer)}: {rule}: {message} (schema {node.EvaluationPath})");
        }

        foreach (var child in node.Details ?? [])
        {
            Collect(child, body, problems);
        }
    }

    private static string Pointer(string pointer) => pointer.Length == 0 ? "(body)" : pointer;

    private static string Value(JsonElement body, string pointer)
    {
        var current = body;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return "";
            }
        }

        var text = current.GetRawText();
        return "= " + (text.Length > 80 ? text[..80] + "…" : text);
    }

    private static EvaluationOptions CreateOptions()
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

        // OpenAPI's own formats: "decimal" is Alpaca's decimal-as-string; the number formats only size numbers.
        options.FormatRegistry.Register(new PredicateFormat("decimal", e =>
            e.ValueKind != JsonValueKind.String || decimal.TryParse(e.GetString(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _)));
        foreach (var numberFormat in new[] { "double", "float", "int32", "int64", "uint32", "uint64" })
        {
            options.FormatRegistry.Register(new PredicateFormat(numberFormat, _ => true));
        }

        return options;
    }
}
