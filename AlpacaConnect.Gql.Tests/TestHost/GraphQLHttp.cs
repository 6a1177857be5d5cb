using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AlpacaConnect.Gql.Tests.TestHost;

public static class GraphQLHttp
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public static async Task<GraphQLResponse> PostGraphQLAsync(
        this HttpClient client, string query, object? variables = null, string accept = GraphQLResponseJson, string? operationName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables, operationName }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await client.SendAsync(request);
        return await ReadAsync(response);
    }

    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStringAsync();
        var body = raw.Length == 0 ? default : JsonDocument.Parse(raw).RootElement.Clone();
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, raw);
    }
}
