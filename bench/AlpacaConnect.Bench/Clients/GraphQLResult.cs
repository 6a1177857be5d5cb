using System.Net;
using System.Text.Json;

namespace AlpacaConnect.Bench.Clients;

/// <summary>One GraphQL answer over HTTP: status, <c>data</c>, and the codes of top-level errors.</summary>
public sealed record GraphQLResult(HttpStatusCode Status, JsonElement Data, IReadOnlyList<string> ErrorCodes, string Raw)
{
    public bool Ok => Status == HttpStatusCode.OK && ErrorCodes.Count == 0 && Data.ValueKind == JsonValueKind.Object;

    public static GraphQLResult Parse(HttpStatusCode status, string raw)
    {
        try
        {
            using var document = JsonDocument.Parse(raw);
            var root = document.RootElement;
            var data = root.TryGetProperty("data", out var d) ? d.Clone() : default;
            var codes = new List<string>();
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errors.EnumerateArray())
                {
                    codes.Add(error.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c)
                        ? c.GetString() ?? "UNKNOWN" : "NO_CODE");
                }
            }

            return new GraphQLResult(status, data, codes, raw);
        }
        catch (JsonException)
        {
            return new GraphQLResult(status, default, [$"HTTP_{(int)status}"], raw);
        }
    }

    /// <summary>The payload's typed error codes (<c>errors { ... on Error { code } }</c>) of a mutation field.</summary>
    public IReadOnlyList<string> PayloadErrors(string field) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(field, out var payload) && payload.ValueKind == JsonValueKind.Object
            && payload.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? errors.EnumerateArray().Select(e => e.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "").ToList()
            : [];
}
