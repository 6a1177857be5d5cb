using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlpacaConnect.Gql.Tests.Examples;

/// <summary>How <see cref="ExampleOperationTests"/> sends an example step: each answer is a GraphQL response (<c>data</c>, <c>errors</c>).</summary>
public interface IExampleClient
{
    Task<JsonElement> RunAsync(ExampleStep example, JsonNode? variables);

    /// <summary>Starts a subscription; the test then waits until the server listens.</summary>
    Task<IExampleSubscription> SubscribeAsync(ExampleStep example, JsonNode? variables);
}

public interface IExampleSubscription : IAsyncDisposable
{
    /// <summary>The next event, as a GraphQL response.</summary>
    Task<JsonElement> NextAsync();
}
