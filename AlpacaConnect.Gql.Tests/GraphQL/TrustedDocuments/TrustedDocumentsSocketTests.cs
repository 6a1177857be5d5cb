using AlpacaConnect.Gql.Tests.TestHost;
using static AlpacaConnect.Gql.Tests.GraphQL.TrustedDocuments.TrustedDocumentRequests;

namespace AlpacaConnect.Gql.Tests.GraphQL.TrustedDocuments;

/// <summary>The socket resolves documents as HTTP does: by id, and in <c>Only</c> mode nothing else.</summary>
public sealed class TrustedDocumentsSocketTests : IDisposable
{
    private readonly ApiFactory _factory = new ApiFactory().WithSetting("GraphQL:TrustedDocuments:Mode", "Only");

    [Fact]
    public async Task AManifestOperationRunsByIdAndAnAdHocOneGetsAnErrorWhileTheSocketStaysOpen()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_factory);
        await socket.InitAsync(_factory.TokenFor("alice"));

        await socket.SendAsync(new { type = "subscribe", id = "adhoc", payload = new { query = "query Viewer { me { id name } }" } });
        var refused = await socket.ExpectAsync("error", "adhoc");
        await socket.SendAsync(new { type = "subscribe", id = "unknown", payload = new { documentId = new string('0', 64) } });
        var unknown = await socket.ExpectAsync("error", "unknown");
        await socket.SendAsync(new { type = "subscribe", id = "byId", payload = new { extensions = ApolloExtensions(Operation("Viewer").Id) } });
        var next = await socket.ExpectAsync("next", "byId");
        await socket.ExpectAsync("complete", "byId");

        Assert.Equal("PERSISTED_QUERY_ID_REQUIRED", refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", unknown.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("alice", next.GetProperty("payload").GetProperty("data").GetProperty("me").GetProperty("id").GetString());
    }

    public void Dispose() => _factory.Dispose();
}
