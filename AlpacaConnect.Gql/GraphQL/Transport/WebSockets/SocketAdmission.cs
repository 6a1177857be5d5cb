using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// Counts this instance's open sockets in all, per IP address and anonymous, so that no client can hold an unbounded
/// number of them. A slot is taken before a socket exists (or before an anonymous one is acknowledged) and given back
/// exactly once when the returned lease is disposed.
/// </summary>
internal sealed class SocketAdmission(IOptions<GraphQLWebSocketOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _perIp = new(StringComparer.Ordinal);
    private int _total;
    private int _anonymous;

    public int Open => Volatile.Read(ref _total);

    public int Anonymous => Volatile.Read(ref _anonymous);

    /// <summary>A lease for one more socket from <paramref name="ip"/>, or which cap refused it.</summary>
    public (IDisposable? Lease, SocketRefusal Refusal) TryAdmit(IPAddress? ip)
    {
        var settings = options.Value;
        if (Interlocked.Increment(ref _total) > settings.MaxSockets)
        {
            Interlocked.Decrement(ref _total);
            return (null, SocketRefusal.ServerFull);
        }

        var key = ip?.ToString() ?? "unknown";
        if (!Counters.TryIncrement(_perIp, key, settings.MaxSocketsPerIp))
        {
            Interlocked.Decrement(ref _total);
            return (null, SocketRefusal.AddressFull);
        }

        return (new Lease(() =>
        {
            Counters.Decrement(_perIp, key);
            Interlocked.Decrement(ref _total);
        }), SocketRefusal.None);
    }

    /// <summary>A lease for one more anonymous socket, or null at <see cref="GraphQLWebSocketOptions.MaxAnonymousSockets"/>.</summary>
    public IDisposable? TryAdmitAnonymous()
    {
        if (Interlocked.Increment(ref _anonymous) > options.Value.MaxAnonymousSockets)
        {
            Interlocked.Decrement(ref _anonymous);
            return null;
        }

        return new Lease(() => Interlocked.Decrement(ref _anonymous));
    }

    private sealed class Lease(Action release) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                release();
            }
        }
    }
}

internal enum SocketRefusal
{
    None,
    ServerFull,
    AddressFull,
}
