using System.Net;
using System.Text.Json;
using AlpacaConnect.Gql.Tests.TestHost;
using static AlpacaConnect.Gql.Tests.GraphQL.TrustedDocuments.TrustedDocumentRequests;

namespace AlpacaConnect.Gql.Tests.GraphQL.TrustedDocuments;

/// <summary>With <c>GraphQL:TrustedDocuments:Mode</c> <c>Only</c>, HTTP runs manifest operations by id and nothing else.</summary>
public sealed class TrustedDocumentsOnlyHttpTests : IDisposable
{
    private readonly ApiFactory _factory = new ApiFactory().WithSetting("GraphQL:TrustedDocuments:Mode", "Only");

    [Fact]
    public async Task AManifestOperationRunsByDocumentIdOverPost()
    {
        using var client = _factory.CreateClientFor("alice");

        var response = await client.PostAsync(new { documentId = Operation("Viewer").Id });

        Assert.Equal("alice", response.Data.GetProperty("me").GetProperty("id").GetString());
    }

    [Fact]
    public async Task AManifestOperationRunsByPrefixedDocumentIdAndByApolloHashOverGet()
    {
        using var client = _factory.CreateClientFor("alice");
        var id = Operation("Viewer").Id;

        var prefixed = await client.GetAsync(("documentId", $"sha256:{id}"));
        var apollo = await client.GetAsync(("operationName", "Viewer"), ("extensions", JsonSerializer.Serialize(ApolloExtensions(id))));

        Assert.Equal("alice", prefixed.Data.GetProperty("me").GetProperty("id").GetString());
        Assert.Equal("alice", apollo.Data.GetProperty("me").GetProperty("id").GetString());
    }

    [Fact]
    public async Task TheManifestTextRunsEvenWhenTheClientSendsOtherTextWithTheId()
    {
        using var client = _factory.CreateClientFor("alice");

        var response = await client.PostAsync(new { query = "{ __typename }", documentId = Operation("Viewer").Id });

        Assert.Equal("alice", response.Data.GetProperty("me").GetProperty("id").GetString());
        Assert.False(response.Data.TryGetProperty("__typename", out _));
    }

    [Fact]
    public async Task AnAdHocQueryIsRefused()
    {
        using var client = _factory.CreateClientFor("alice");

        var response = await client.PostAsync(new { query = "query Viewer { me { id name } }" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["PERSISTED_QUERY_ID_REQUIRED"], response.ErrorCodes);
    }

    [Fact]
    public async Task AnUnknownIdIsNotFound()
    {
        using var client = _factory.CreateClientFor("alice");

        var byDocumentId = await client.PostAsync(new { documentId = new string('0', 64) });
        var byHash = await client.PostAsync(new { extensions = ApolloExtensions(new string('1', 64)) });

        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], byDocumentId.ErrorCodes);
        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], byHash.ErrorCodes);
        Assert.Equal("PersistedQueryNotFound", byHash.Errors[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task RegisteringAnUnknownDocumentIsRefused()
    {
        using var client = _factory.CreateClientFor("alice");
        const string query = "{ me { id } }";
        var hash = Gql.GraphQL.TrustedDocuments.PersistedQueryManifest.IdOf(query);

        var registration = await client.PostAsync(new { query, extensions = ApolloExtensions(hash) });
        var again = await client.PostAsync(new { extensions = ApolloExtensions(hash) });

        Assert.Equal(["PERSISTED_QUERY_ID_REQUIRED"], registration.ErrorCodes);
        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], again.ErrorCodes);
    }

    [Fact]
    public async Task AManifestMutationByIdOverGetIsStillRefused()
    {
        using var client = _factory.CreateClientFor("alice");

        var response = await client.GetAsync(("documentId", Operation("DisconnectAlpaca").Id));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
    }

    public void Dispose() => _factory.Dispose();
}
