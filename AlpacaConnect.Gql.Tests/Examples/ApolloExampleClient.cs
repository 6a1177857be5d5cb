using System.Text.Json;
using System.Text.Json.Nodes;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Examples;

/// <summary>
/// Sends each example as an app does with trusted documents: Apollo Client 4 (npm) with its persisted-queries link
/// configured with the committed manifest (<c>Interop/apollo-trusted-documents-client.mjs</c>). The script
/// records every request it makes, so a test can check that no document text went over the wire.
/// </summary>
internal sealed class ApolloExampleClient(NodeSession session) : IExampleClient
{
    /// <summary>Every request sent so far: method (GET, POST or WS), operationName, sentQuery, hash.</summary>
    public async Task<IReadOnlyList<JsonElement>> RequestsAsync()
    {
        await session.SendAsync(new { op = "requests", id = "requests" });
        return [.. (await session.ExpectAsync(a => Is(a, "requests", "requests"))).GetProperty("requests").EnumerateArray()];
    }

    public static NodeSession Start(Uri server, string token) => new("apollo-trusted-documents-client.mjs",
        [new Uri(server, "/graphql").ToString(), token, RepositoryRoot.Combine("persisted-query-manifest.json"), ExampleCatalog.Folder]);

    public async Task<JsonElement> RunAsync(ExampleStep example, JsonNode? variables)
    {
        await session.SendAsync(new { op = "run", id = example.Id, file = example.OperationFile, variables });
        return (await session.ExpectAsync(a => Is(a, example.Id, "result"))).GetProperty("result");
    }

    /// <summary>Sends <paramref name="query"/> as text, without the persisted-queries link, over HTTP or the socket.</summary>
    public async Task<JsonElement> RunAdHocAsync(string id, string query, string transport)
    {
        await session.SendAsync(new { op = "adhoc", id, query, transport });
        return (await session.ExpectAsync(a => Is(a, id, "result"))).GetProperty("result");
    }

    public async Task<IExampleSubscription> SubscribeAsync(ExampleStep example, JsonNode? variables)
    {
        await session.SendAsync(new { op = "subscribe", id = example.Id, file = example.OperationFile, variables });
        await session.ExpectAsync(a => Is(a, example.Id, "subscribed"));
        return new Subscription(session, example.Id);
    }

    private static bool Is(JsonElement answer, string id, string property) =>
        answer.GetProperty("id").GetString() == id && answer.TryGetProperty(property, out _);

    private sealed class Subscription(NodeSession session, string id) : IExampleSubscription
    {
        public async Task<JsonElement> NextAsync() => (await session.ExpectAsync(a => Is(a, id, "next"))).GetProperty("next");

        public async ValueTask DisposeAsync()
        {
            await session.SendAsync(new { op = "complete", id });
            await session.ExpectAsync(a => Is(a, id, "completed"));
        }
    }
}
