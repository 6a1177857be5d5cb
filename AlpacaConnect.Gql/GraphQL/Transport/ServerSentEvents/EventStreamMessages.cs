using AlpacaConnect.Gql.GraphQL.Subscriptions;
using System.Text;
using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.Transport.ServerSentEvents;

/// <summary>
/// The graphql-sse event stream's messages as UTF-8, serialized when they are queued: a result is then a snapshot taken
/// while the request's services are alive, and the writer only copies bytes.
/// </summary>
internal sealed class EventStreamMessages(IGraphQLTextSerializer serializer)
{
    /// <summary>A comment line, which every SSE parser skips; it only keeps idle connections open through proxies.</summary>
    public static byte[] KeepAlive { get; } = ":\n\n"u8.ToArray();

    /// <summary>
    /// The end of the operation. The empty <c>data</c> field is what makes a browser's <c>EventSource</c> dispatch it
    /// (graphql-sse PROTOCOL.md, "complete event").
    /// </summary>
    public static byte[] Complete { get; } = "event: complete\ndata:\n\n"u8.ToArray();

    /// <summary>One execution result. A line break would end the <c>data</c> field, so each line of the JSON gets its own.</summary>
    public byte[] Next(ExecutionResult result)
    {
        var json = SerializedExecutionResult.Serialize(serializer, result);
        var text = new StringBuilder(json.Length + 32).Append("event: next\n");
        foreach (var line in json.Split('\n'))
        {
            text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.Append('\n').ToString());
    }

    /// <summary>A result that carries only errors: the operation did not run (or its stream failed).</summary>
    public byte[] Errors(params ExecutionError[] errors) => Next(new ExecutionResult { Executed = false, Errors = [.. errors] });
}
