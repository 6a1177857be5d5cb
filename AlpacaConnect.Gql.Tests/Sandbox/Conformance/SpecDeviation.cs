using System.Text.Json.Nodes;

namespace AlpacaConnect.Gql.Tests.Sandbox.Conformance;

/// <summary>What a deviation does to one field of a component schema.</summary>
internal enum DeviationKind
{
    /// <summary>Alpaca stopped sending the field: it must now be absent.</summary>
    Removed,

    /// <summary>The spec requires the field; the simulator may leave it out.</summary>
    Optional,

    /// <summary>The field may carry values beyond the spec's enum (<see cref="SpecDeviation.Values"/>).</summary>
    MoreValues,
}

/// <summary>
/// One place where the simulator deliberately differs from the spec, with the verified fact (and its source in
/// <c>alpaca-api-facts*.md</c>) that says Alpaca differs from its own published contract, or why the simulator must.
/// </summary>
internal sealed record SpecDeviation(string Schema, string Field, DeviationKind Kind, string Fact, string Source, params string[] Values)
{
    public void ApplyTo(JsonObject definitions)
    {
        var schema = definitions[Schema]?.AsObject()
            ?? throw new InvalidOperationException($"Deviation names schema {Schema}, which the spec does not have.");
        var properties = schema["properties"]?.AsObject();
        if (properties?[Field] is null)
        {
            throw new InvalidOperationException($"Deviation names {Schema}.{Field}, which the spec does not have.");
        }

        switch (Kind)
        {
            case DeviationKind.Removed:
                properties[Field] = false;
                Unrequire(schema);
                break;
            case DeviationKind.Optional:
                Unrequire(schema);
                break;
            case DeviationKind.MoreValues:
                var original = properties[Field]!.DeepClone();
                properties[Field] = new JsonObject
                {
                    ["anyOf"] = new JsonArray(original, new JsonObject { ["enum"] = new JsonArray([.. Values.Select(v => JsonValue.Create(v))]) }),
                };
                break;
            default:
                throw new InvalidOperationException($"Unknown deviation kind {Kind}.");
        }
    }

    private void Unrequire(JsonObject schema)
    {
        if (schema["required"] is JsonArray required && required.FirstOrDefault(r => r!.GetValue<string>() == Field) is { } entry)
        {
            required.Remove(entry);
        }
    }
}
