using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.Subscriptions;

/// <summary>
/// A subscription event's result already serialized once for every subscriber that shares it: transports write
/// <see cref="Json"/> as the message payload instead of serializing the result again.
/// </summary>
internal sealed class SerializedExecutionResult : ExecutionResult
{
    public SerializedExecutionResult(ExecutionResult result, string json)
        : base(result)
    {
        Json = json;
    }

    public string Json { get; }

    /// <summary>The payload of <paramref name="result"/>: the shared serialization when there is one.</summary>
    public static string Serialize(IGraphQLTextSerializer serializer, object result) =>
        result is SerializedExecutionResult serialized ? serialized.Json : serializer.Serialize(result);
}
