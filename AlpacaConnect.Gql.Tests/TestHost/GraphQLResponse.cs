using System.Net;
using System.Text.Json;

namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>An HTTP answer of the GraphQL endpoint, parsed.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, string? MediaType, JsonElement Body, string Raw)
{
    public JsonElement Data => Body.GetProperty("data");

    public bool HasData => Body.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null;

    public IReadOnlyList<JsonElement> Errors =>
        Body.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().ToList() : [];

    public IReadOnlyList<string> ErrorCodes =>
        Errors.Select(e => e.GetProperty("extensions").GetProperty("code").GetString()!).ToList();
}
