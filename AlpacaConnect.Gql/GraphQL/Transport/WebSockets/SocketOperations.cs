using System.Collections.Concurrent;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// The operations running on one socket, by the client's id. An id is taken while its operation runs (a second
/// <c>subscribe</c> with it closes the socket with 4409) and free again once the operation has ended.
/// </summary>
internal sealed class SocketOperations
{
    private readonly ConcurrentDictionary<string, SocketOperation> _running = new(StringComparer.Ordinal);

    public bool IsRunning(string id) => _running.ContainsKey(id);

    /// <summary>False when the id was taken meanwhile.</summary>
    public bool TryAdd(SocketOperation operation) => _running.TryAdd(operation.Id, operation);

    /// <summary>Frees the id, unless a newer operation holds it already.</summary>
    public void Remove(SocketOperation operation) => _running.TryRemove(KeyValuePair.Create(operation.Id, operation));

    /// <summary>The client's <c>complete</c>: unknown or finished ids are ignored; a completed operation sends nothing more.</summary>
    public void End(string id)
    {
        if (_running.TryGetValue(id, out var operation))
        {
            operation.End();
        }
    }

    public void EndAll()
    {
        foreach (var operation in _running.Values)
        {
            operation.End();
        }
    }
}
