using System.Collections.Concurrent;
using AlpacaConnect.Gql.Sandbox.OAuth;

namespace AlpacaConnect.Gql.Sandbox.Streaming;

/// <summary>Open trade_updates sockets. An event reaches only the sockets listening for its account; there is
/// no replay for sockets that connect later (UNVERIFIED at Alpaca, and the safe assumption).</summary>
public sealed class TradeUpdateHub
{
    private readonly ConcurrentDictionary<StreamConnection, bool> _connections = new();

    public TradeUpdateHub(AccessTokens tokens) =>
        tokens.Revoked += grant => Drop(c => c.Grant == grant);

    public int Count => _connections.Count;

    public void Add(StreamConnection connection) => _connections[connection] = true;

    public void Remove(StreamConnection connection) => _connections.TryRemove(connection, out _);

    public void Publish(Guid accountId, byte[] message)
    {
        foreach (var connection in _connections.Keys)
        {
            if (connection.Listening && connection.AccountId == accountId)
            {
                connection.Send(message);
            }
        }
    }

    /// <summary>Aborts matching sockets (all when no filter); returns how many.</summary>
    public int Drop(Func<StreamConnection, bool>? filter = null)
    {
        var dropped = _connections.Keys.Where(filter ?? (_ => true)).ToList();
        dropped.ForEach(c => c.Drop());
        return dropped.Count;
    }
}
