using System.Text.Json;
using AlpacaConnect.Gql.Tests.TestHost;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.GraphQL.TrustedDocuments;

/// <summary>Apollo Client 4's persisted-queries link in its default mode (automatic persisted queries), trusted documents off.</summary>
public sealed class ApolloAutomaticPersistedQueriesTests(ITestOutputHelper output) : IDisposable
{
    private readonly ApiFactory _factory = new ApiFactory().WithSetting("GraphQL:TrustedDocuments:Mode", "Off");

    [Fact]
    public async Task TheClientRegistersItsQueryAfterNotFoundAndThenSendsTheHashAlone()
    {
        var server = _factory.StartOnLoopback();

        var outcome = await NodeScript.RunAsync("apollo-apq-client.mjs", [new Uri(server, "/graphql").ToString(), _factory.TokenFor("alice")]);

        output.WriteLine(outcome.ToString());
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var result = JsonDocument.Parse(outcome.StdOut.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal))["RESULT ".Length..]).RootElement;
        Assert.Equal("""{"data":{"me":{"id":"alice","__typename":"Viewer"}}}""", result.GetProperty("first").GetRawText());
        Assert.Equal(result.GetProperty("first").GetRawText(), result.GetProperty("second").GetRawText());

        var requests = result.GetProperty("requests").EnumerateArray().ToList();
        Assert.Equal([false, true, false], requests.Select(r => r.GetProperty("sentQuery").GetBoolean()));
        var hash = requests[0].GetProperty("hash").GetString();
        Assert.All(requests, r => Assert.Equal(hash, r.GetProperty("hash").GetString()));
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", JsonDocument.Parse(requests[0].GetProperty("body").GetString()!)
            .RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(200, requests[0].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task WithoutAutomaticPersistedQueriesTheClientFallsBackToSendingText()
    {
        _factory.WithSetting("GraphQL:TrustedDocuments:AutomaticPersistedQueries", "false");
        var server = _factory.StartOnLoopback();

        var outcome = await NodeScript.RunAsync("apollo-apq-client.mjs", [new Uri(server, "/graphql").ToString(), _factory.TokenFor("alice")]);

        output.WriteLine(outcome.ToString());
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var result = JsonDocument.Parse(outcome.StdOut.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal))["RESULT ".Length..]).RootElement;
        Assert.Equal("alice", result.GetProperty("second").GetProperty("data").GetProperty("me").GetProperty("id").GetString());
        // PERSISTED_QUERY_NOT_SUPPORTED: the link stops hashing, so the second query goes as text straight away.
        Assert.Equal([false, true, true], result.GetProperty("requests").EnumerateArray().Select(r => r.GetProperty("sentQuery").GetBoolean()));
    }

    public void Dispose() => _factory.Dispose();
}
