using AlpacaConnect.Gql.GraphQL.Errors;
using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// Forwards a subscription's results to its socket. Called on the event producer's thread, so it only
/// serializes and queues; it never waits for the client.
/// </summary>
internal sealed class OperationObserver(SocketOperation operation, SocketProtocol protocol) : IObserver<ExecutionResult>
{
    public void OnNext(ExecutionResult value)
    {
        try
        {
            operation.Send(protocol.Result(operation.Id, value));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The engine would swallow it and stop the stream silently; the client must learn it stopped.
            OnError(exception);
        }
    }

    public void OnError(Exception error) => operation.End(protocol.Error(operation.Id,
        [error as ExecutionError ?? new ApiException(ErrorCodes.InternalServerError, "Internal server error")]));

    public void OnCompleted() => operation.End(protocol.Complete(operation.Id));
}
