using AlpacaConnect.Gql.GraphQL.Errors;
using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.Transport.ServerSentEvents;

/// <summary>
/// Forwards a subscription's results to its event stream. Called on the event producer's thread, so it only serializes
/// and queues; it never waits for the client. SSE has no error event: a failed stream sends its errors as a last
/// <c>next</c>, then <c>complete</c>.
/// </summary>
internal sealed class EventStreamObserver(EventStream stream, EventStreamMessages messages) : IObserver<ExecutionResult>
{
    public void OnNext(ExecutionResult value)
    {
        try
        {
            stream.Send(messages.Next(value));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The engine would swallow it and stop the stream silently; the client must learn it stopped.
            OnError(exception);
        }
    }

    public void OnError(Exception error)
    {
        stream.Send(messages.Errors(error as ExecutionError ?? new ApiException(ErrorCodes.InternalServerError, "Internal server error")));
        stream.Complete();
    }

    public void OnCompleted() => stream.Complete();
}
