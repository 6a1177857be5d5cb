using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AlpacaConnect.Bench.Clients;

/// <summary>GraphQL over HTTP POST to <c>/graphql</c> as one app user.</summary>
public sealed class GraphQLClient(HttpClient http, Uri server, string jwt)
{
    private static readonly MediaTypeWithQualityHeaderValue GraphQLResponse = new("application/graphql-response+json");
    private readonly Uri _endpoint = new(server, "/graphql");

    public async Task<GraphQLResult> ExecuteAsync(string query, object? variables = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { query, variables })),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
        request.Headers.Accept.Add(GraphQLResponse);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
        using var response = await http.SendAsync(request, cancellationToken);
        return GraphQLResult.Parse(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Like <see cref="ExecuteAsync"/>, but an unexpected answer stops the scenario with the answer in the message.</summary>
    public async Task<JsonElement> RequireAsync(string query, object? variables = null, CancellationToken cancellationToken = default)
    {
        var result = await ExecuteAsync(query, variables, cancellationToken);
        return result.Ok ? result.Data : throw new InvalidOperationException($"GraphQL call failed: {Trim(result.Raw)}");
    }

    public static string Trim(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
