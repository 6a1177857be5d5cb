using System.Net;
using AlpacaConnect.Gql.GraphQL.TrustedDocuments;
using AlpacaConnect.Gql.Tests.TestHost;
using static AlpacaConnect.Gql.Tests.GraphQL.TrustedDocuments.TrustedDocumentRequests;

namespace AlpacaConnect.Gql.Tests.GraphQL.TrustedDocuments;

/// <summary>Apollo's automatic persisted queries over HTTP, with trusted documents off.</summary>
public sealed class AutomaticPersistedQueryHttpTests
{
    private const string Query = "query Me { me { id } }";
    private static readonly string Hash = PersistedQueryManifest.IdOf(Query);

    [Fact]
    public async Task AHashIsNotFoundUntilItsDocumentIsRegisteredAndThenRunsAlone()
    {
        using var factory = new ApiFactory().WithSetting("GraphQL:TrustedDocuments:Mode", "Off");
        using var client = factory.CreateClientFor("alice");

        var first = await client.PostAsync(new { extensions = ApolloExtensions(Hash) });
        var registration = await client.PostAsync(new { query = Query, extensions = ApolloExtensions(Hash) });
        var byHash = await client.GetAsync(("extensions", System.Text.Json.JsonSerializer.Serialize(ApolloExtensions(Hash))));

        // 200, not 400: Apollo's clients give up persisted queries on a 400 instead of sending the document.
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], first.ErrorCodes);
        Assert.Equal("PersistedQueryNotFound", first.Errors[0].GetProperty("message").GetString());
        Assert.Equal("alice", registration.Data.GetProperty("me").GetProperty("id").GetString());
        Assert.Equal("alice", byHash.Data.GetProperty("me").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ARegistrationWhoseHashIsNotTheDocumentsIsRefusedAndNotStored()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClientFor("alice");
        var otherHash = PersistedQueryManifest.IdOf("{ __typename }");

        var registration = await client.PostAsync(new { query = Query, extensions = ApolloExtensions(otherHash) });
        var byHash = await client.PostAsync(new { extensions = ApolloExtensions(otherHash) });

        Assert.Equal(HttpStatusCode.BadRequest, registration.Status);
        Assert.Equal(["BAD_REQUEST"], registration.ErrorCodes);
        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], byHash.ErrorCodes);
    }

    [Fact]
    public async Task WithNeitherAManifestNorAutomaticPersistedQueriesAHashIsNotSupported()
    {
        using var factory = new ApiFactory()
            .WithSetting("GraphQL:TrustedDocuments:Mode", "Off")
            .WithSetting("GraphQL:TrustedDocuments:AutomaticPersistedQueries", "false");
        using var client = factory.CreateClientFor("alice");

        var response = await client.PostAsync(new { extensions = ApolloExtensions(Hash) });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["PERSISTED_QUERY_NOT_SUPPORTED"], response.ErrorCodes);
    }

    [Fact]
    public async Task InAllowModeManifestIdsAndAdHocQueriesBothRun()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClientFor("alice");

        var byId = await client.PostAsync(new { documentId = Operation("Viewer").Id });
        var adHoc = await client.PostAsync(new { query = Query });

        Assert.Equal("alice", byId.Data.GetProperty("me").GetProperty("id").GetString());
        Assert.Equal("alice", adHoc.Data.GetProperty("me").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("""{"extensions":{"persistedQuery":{"version":1}}}""")]
    [InlineData("""{"extensions":{"persistedQuery":"abc"}}""")]
    [InlineData("""{"extensions":{"persistedQuery":{"version":2,"sha256Hash":"abc"}}}""")]
    [InlineData("""{"documentId":7}""")]
    [InlineData("""{"documentId":"abc","extensions":{"persistedQuery":{"version":1,"sha256Hash":"def"}}}""")]
    public async Task AMalformedPersistedQueryIsABadRequest(string body)
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["BAD_REQUEST"], (await GraphQLHttp.ReadAsync(response)).ErrorCodes);
    }

    [Fact]
    public void AMissingManifestStopsTheServerNamingTheSetting()
    {
        using var factory = new ApiFactory()
            .WithSetting("GraphQL:TrustedDocuments:Mode", "Only")
            .WithSetting("GraphQL:TrustedDocuments:ManifestPath", "/nonexistent/persisted-query-manifest.json");

        var failure = OptionsFailure.Of(() => factory.CreateClient());

        Assert.Contains("GraphQL:TrustedDocuments:ManifestPath", failure.Message, StringComparison.Ordinal);
    }
}
