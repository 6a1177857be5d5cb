using System.Net;
using static AlpacaConnect.Gql.Tests.GraphQL.TrustedDocuments.TrustedDocumentRequests;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.ServerSentEvents;

/// <summary>The HTTP endpoint's policies hold for streams: trusted documents resolve the same way, and CORS answers the same.</summary>
public sealed class EventStreamPoliciesTests : IDisposable
{
    private const string App = "https://app.example.com";

    private readonly SseHost _host = new(factory => factory
        .WithSetting("GraphQL:TrustedDocuments:Mode", "Only")
        .WithSetting("GraphQL:AllowedOrigins:0", App));

    [Fact]
    public async Task InOnlyModeAManifestOperationRunsByIdAndAnAdHocOneIsRefusedInTheStream()
    {
        await using var adHoc = await _host.QueryAsync("query Viewer { me { id name } }");
        var refused = await adHoc.ReadToEndAsync();
        await using var unknown = await EventStreamResponse.PostAsync(_host.Server, _host.Token(), new { documentId = new string('0', 64) });
        var notFound = await unknown.ReadToEndAsync();
        await using var byId = await EventStreamResponse.PostAsync(_host.Server, _host.Token(), new { extensions = ApolloExtensions(Operation("Viewer").Id) });
        var ran = await byId.ReadToEndAsync();

        Assert.Equal(["PERSISTED_QUERY_ID_REQUIRED"], SseHost.Codes(refused[0].Json));
        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], SseHost.Codes(notFound[0].Json));
        Assert.Equal("alice", ran[0].Json.GetProperty("data").GetProperty("me").GetProperty("id").GetString());
        Assert.All([refused, notFound, ran], events => Assert.Equal(["next", "complete"], events.Select(e => e.Event)));
    }

    [Theory]
    [InlineData(App, true)]
    [InlineData("https://evil.example.com", false)]
    public async Task OnlyAnAllowedOriginsPageMayReadAStream(string origin, bool readable)
    {
        await using var stream = await EventStreamResponse.PostAsync(
            _host.Server, _host.Token(), new { extensions = ApolloExtensions(Operation("Viewer").Id) }, origin: origin);

        Assert.Equal(HttpStatusCode.OK, stream.Status);
        Assert.Equal(readable ? [origin] : [], stream.Headers.TryGetValues("Access-Control-Allow-Origin", out var allowed) ? allowed : []);
    }

    [Fact]
    public async Task AnAllowedOriginsPageMayReadWhyItWasRefused()
    {
        await using var refused = await EventStreamResponse.PostAsync(_host.Server, token: null, new { query = "{ __typename }" }, origin: App);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal([App], refused.Headers.GetValues("Access-Control-Allow-Origin"));
    }

    public void Dispose() => _host.Dispose();
}
