using System.Text.Json;
using System.Text.Json.Nodes;
using AlpacaConnect.Gql.Tests.Connections;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Examples;

/// <summary>Sends each example's text: POST for queries and mutations, a socket of its own per subscription.</summary>
internal sealed class DirectExampleClient(SandboxHost host, ConnectDriver driver, string user) : IExampleClient
{
    public async Task<JsonElement> RunAsync(ExampleStep example, JsonNode? variables) =>
        (await driver.GraphQLAsync(user, example.Query, variables)).Body;

    public async Task<IExampleSubscription> SubscribeAsync(ExampleStep example, JsonNode? variables)
    {
        var socket = await GraphQLSocket.ConnectAsync(host.BaseUri);
        await socket.InitAsync(host.TokenFor(user));
        await socket.SubscribeAsync(example.Id, example.Query, variables);
        return new Subscription(socket, example.Id);
    }

    private sealed class Subscription(GraphQLSocket socket, string id) : IExampleSubscription
    {
        public async Task<JsonElement> NextAsync() => (await socket.ExpectAsync("next", id)).GetProperty("payload");

        public async ValueTask DisposeAsync()
        {
            await socket.CompleteAsync(id);
            await socket.DisposeAsync();
        }
    }
}
