namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// One operation started by a <c>subscribe</c> message, from then until it ends: by its own <c>complete</c> or
/// <c>error</c>, by the client's <c>complete</c>, or with the socket. Once ended nothing more is sent for its
/// id, and everything it holds (its DI scope, its stream, its quota) is released exactly once.
/// </summary>
internal sealed partial class SocketOperation(string id, OutboundQueue output, Action<SocketOperation> onEnded, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly List<Func<ValueTask>> _releases = [];
    private bool _ended;

    public string Id => id;

    /// <summary>Cancelled when the operation ends; the token its execution (and a subscription's source stream) runs with.</summary>
    public CancellationTokenSource Lifetime { get; } = new();

    /// <summary>Queues a message for this id unless the operation has ended.</summary>
    public bool Send(byte[] message)
    {
        lock (_gate)
        {
            return !_ended && output.Send(message);
        }
    }

    /// <summary>Ends the operation, queuing <paramref name="last"/> (<c>complete</c> or <c>error</c>) first if given.</summary>
    public void End(byte[]? last = null)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            if (last is not null)
            {
                output.Send(last);
            }
        }

        onEnded(this);
        _ = ReleaseAsync();
    }

    /// <summary>Hands a resource to the operation; if it has already ended, the resource is released at once.</summary>
    public void Own(Func<ValueTask> release)
    {
        lock (_gate)
        {
            if (!_ended)
            {
                _releases.Add(release);
                return;
            }
        }

        _ = ReleaseOneAsync(release);
    }

    public void Own(IDisposable resource) => Own(() =>
    {
        resource.Dispose();
        return ValueTask.CompletedTask;
    });

    private async Task ReleaseAsync()
    {
        await Lifetime.CancelAsync();
        List<Func<ValueTask>> releases;
        lock (_gate)
        {
            releases = [.. _releases];
            _releases.Clear();
        }

        // Last owned, first released: the stream stops before the scope its resolvers use is disposed.
        for (var i = releases.Count - 1; i >= 0; i--)
        {
            await ReleaseOneAsync(releases[i]);
        }

    }

    private async Task ReleaseOneAsync(Func<ValueTask> release)
    {
        try
        {
            await release();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogReleaseFailed(logger, id, exception);
        }
    }

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Releasing the resources of GraphQL socket operation {Id} failed")]
    private static partial void LogReleaseFailed(ILogger logger, string id, Exception exception);
}
