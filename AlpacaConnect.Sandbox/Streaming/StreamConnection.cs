using System.Threading.Channels;
using AlpacaConnect.Sandbox.OAuth;

namespace AlpacaConnect.Sandbox.Streaming;

/// <summary>One trade_updates socket: its authorization, its subscription and its outgoing queue.
/// A single writer drains the queue, so replies and events never interleave mid-frame.</summary>
public sealed class StreamConnection(SandboxEnvironment environment) : IDisposable
{
    private readonly Channel<byte[]> _outgoing = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _dropped = new();
    private bool _listening;

    public SandboxEnvironment Environment { get; } = environment;

    public SandboxGrant? Grant { get; set; }

    public Guid? AccountId { get; set; }

    /// <summary>Read by the publishing thread while the socket's own loop sets it.</summary>
    public bool Listening { get => Volatile.Read(ref _listening); set => Volatile.Write(ref _listening, value); }

    public ChannelReader<byte[]> Outgoing => _outgoing.Reader;

    /// <summary>Cancelled when the sandbox drops this socket (control surface or token revocation).</summary>
    public CancellationToken Dropped => _dropped.Token;

    public void Send(byte[] message) => _outgoing.Writer.TryWrite(message);

    public void Drop()
    {
        try
        {
            _dropped.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The socket already ended.
        }
    }

    public void Dispose()
    {
        _outgoing.Writer.TryComplete();
        _dropped.Dispose();
    }
}
