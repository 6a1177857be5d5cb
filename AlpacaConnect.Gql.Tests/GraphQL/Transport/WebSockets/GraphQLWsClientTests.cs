using System.Text.Json;
using AlpacaConnect.Gql.Tests.TestHost;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.WebSockets;

/// <summary>The real <c>graphql-ws</c> npm client (6.4.2, over <c>ws</c>) against the server on loopback.</summary>
public sealed class GraphQLWsClientTests(ITestOutputHelper output) : IDisposable
{
    private readonly ApiFactory _factory = new ProbeApiFactory();

    [Fact]
    public async Task TheGraphQLWsClientRunsQueriesSubscriptionsAndSeesErrors()
    {
        var server = _factory.StartOnLoopback();

        var outcome = await NodeScript.RunAsync("graphql-ws-client.mjs", [GraphQLSocket.WebSocketUrl(server).ToString(), _factory.TokenFor("alice")]);

        output.WriteLine(outcome.ToString());
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var line = outcome.StdOut.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        var result = JsonDocument.Parse(line["RESULT ".Length..]).RootElement;

        Assert.Equal("""{"events":[{"next":{"data":{"__typename":"Query"}}}],"completed":true}""", result.GetProperty("query").GetRawText());
        Assert.Equal("""{"events":[{"next":{"data":{"me":{"id":"alice"}}}}],"completed":true}""", result.GetProperty("signedIn").GetRawText());
        var ticks = result.GetProperty("subscription");
        Assert.True(ticks.GetProperty("completed").GetBoolean());
        Assert.Equal([1, 2, 3, 4, 5], ticks.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("next").GetProperty("data").GetProperty("ticks").GetInt32()));
        var invalid = result.GetProperty("invalid");
        Assert.Empty(invalid.GetProperty("events").EnumerateArray());
        Assert.Equal("VALIDATION_FAILED", invalid.GetProperty("error")[0].GetProperty("extensions").GetProperty("code").GetString());

        // No feature contributes a Mutation field yet, so a mutation is a request error: an `error` message.
        var mutation = result.GetProperty("mutation");
        Assert.Empty(mutation.GetProperty("events").EnumerateArray());
        Assert.Equal(JsonValueKind.Array, mutation.GetProperty("error").ValueKind);
    }

    public void Dispose() => _factory.Dispose();
}
