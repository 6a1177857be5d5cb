using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AlpacaConnect.Gql.GraphQL.TrustedDocuments;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.GraphQL.TrustedDocuments;

/// <summary>Requests that name a document by id, as Apollo's clients and GraphQL over HTTP's persisted documents send them.</summary>
internal static class TrustedDocumentRequests
{
    private static readonly PersistedQueryManifest Manifest =
        PersistedQueryManifest.Parse(File.ReadAllText(RepositoryRoot.Combine(PersistedQueryManifest.FileName))).Manifest!;

    public static ManifestOperation Operation(string name) => Manifest.Operations.Single(o => o.Name == name);

    public static object ApolloExtensions(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    public static async Task<GraphQLResponse> PostAsync(this HttpClient client, object body)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(GraphQLHttp.GraphQLResponseJson));
        using var response = await client.SendAsync(request);
        return await GraphQLHttp.ReadAsync(response);
    }

    public static async Task<GraphQLResponse> GetAsync(this HttpClient client, params (string Name, string Value)[] parameters)
    {
        var query = string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
        using var response = await client.GetAsync($"/graphql?{query}");
        return await GraphQLHttp.ReadAsync(response);
    }
}
