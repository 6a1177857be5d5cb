using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Identity;
using GraphQLParser.AST;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// One <c>graphql-transport-ws</c> connection: reads client messages in order, enforces the protocol's
/// rules (closing the socket with the protocol's codes when they are broken) and runs each
/// <c>subscribe</c> as a <see cref="SocketOperation"/>. All sending goes through <see cref="OutboundQueue"/>.
/// </summary>
internal sealed partial class GraphQLWebSocketSession : IDisposable
{
    private readonly WebSocket _socket;
    private readonly SessionServices _services;
    private readonly SessionLimits _limits;
    private readonly GraphQLWebSocketOptions _options;
    private readonly OutboundQueue _output;
    private readonly ILogger _logger;
    private readonly CancellationToken _aborted;
    private readonly ConcurrentDictionary<string, SocketOperation> _operations = new(StringComparer.Ordinal);
    private readonly ITimer _initTimer;
    private ITimer? _expiryTimer;
    private SocketIdentity _identity = SocketIdentity.Anonymous;
    private volatile bool _initReceived;
    private volatile bool _acknowledged;
    private int _socketSubscriptions;

    public GraphQLWebSocketSession(WebSocket socket, SessionServices services, SessionLimits limits, CancellationToken aborted)
    {
        _socket = socket;
        _services = services;
        _limits = limits;
        _options = services.Options.Value;
        _aborted = aborted;
        _logger = services.LoggerFactory.CreateLogger<GraphQLWebSocketSession>();
        _output = new OutboundQueue(socket, _options, services.Time, EndAllOperations, _logger);
        _initTimer = services.Time.CreateTimer(
            _ =>
            {
                if (!_initReceived)
                {
                    Close(CloseCodes.ConnectionInitialisationTimeout);
                }
            },
            null,
            _options.ConnectionInitTimeout,
            Timeout.InfiniteTimeSpan);
    }

    public void Close(CloseStatus status) => _output.Close(status);

    public async Task RunAsync()
    {
        var writer = _output.RunAsync();
        try
        {
            await ReceiveAsync();
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The peer vanished or the server aborted the connection; nothing can be sent any more.
            _socket.Abort();
        }
        catch (Exception exception)
        {
            LogSessionFailed(_logger, exception);
            Close(CloseCodes.InternalServerError);
        }
        finally
        {
            Close(CloseCodes.NormalClosure);
            EndAllOperations(); // also any subscribe that raced with the close
            await writer;
            LogClosed(_logger, _output.CloseStatus.Code, _output.CloseStatus.Reason);
        }
    }

    private void EndAllOperations()
    {
        foreach (var operation in _operations.Values)
        {
            operation.End();
        }
    }

    private async Task ReceiveAsync()
    {
        var chunk = new byte[4 * 1024];
        var message = new ArrayBufferWriter<byte>(chunk.Length);
        var tooLarge = false;
        while (true)
        {
            var received = await _socket.ReceiveAsync(chunk.AsMemory(), _aborted);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                Close(CloseCodes.NormalClosure);
                return;
            }

            if (_output.IsClosing)
            {
                continue; // Waiting for the client's close frame; nothing else counts any more.
            }

            if (received.MessageType == WebSocketMessageType.Binary)
            {
                Close(CloseCodes.BadRequest("Binary messages are not supported"));
                continue;
            }

            tooLarge |= message.WrittenCount + received.Count > _options.MaxMessageBytes;
            if (!tooLarge)
            {
                message.Write(chunk.AsSpan(0, received.Count));
            }

            if (!received.EndOfMessage)
            {
                continue;
            }

            if (tooLarge)
            {
                Close(CloseCodes.BadRequest("Message too large"));
                continue;
            }

            await HandleAsync(message.WrittenMemory);
            message.ResetWrittenCount();
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> utf8)
    {
        var (message, error) = InboundMessage.Parse(utf8);
        if (message is null)
        {
            Close(CloseCodes.BadRequest(error!));
            return;
        }

        switch (message.Type)
        {
            case MessageTypes.ConnectionInit:
                await InitializeAsync(message);
                break;
            case MessageTypes.Ping:
                _output.Send(OutboundMessages.Pong(message.Payload));
                break;
            case MessageTypes.Pong:
                break;
            case MessageTypes.Subscribe:
                await SubscribeAsync(message);
                break;
            case MessageTypes.Complete:
                // Unknown or finished ids are ignored; a completed operation sends nothing more.
                if (_operations.TryGetValue(message.Id!, out var operation))
                {
                    operation.End();
                }

                break;
        }
    }

    private async Task InitializeAsync(InboundMessage message)
    {
        if (_initReceived)
        {
            Close(CloseCodes.TooManyInitialisationRequests);
            return;
        }

        _initReceived = true;
        await _initTimer.DisposeAsync();
        var identity = await _services.Authenticator.AuthenticateAsync(message.Payload, _aborted);
        if (identity is null)
        {
            Close(CloseCodes.InvalidToken);
            return;
        }

        if (identity.ExpiresAt is { } expiresAt)
        {
            if (expiresAt <= _services.Time.GetUtcNow())
            {
                Close(CloseCodes.TokenExpired);
                return;
            }

            _expiryTimer = _services.Time.CreateTimer(_ => CloseIfExpired(expiresAt), null, TimerDue(expiresAt), Timeout.InfiniteTimeSpan);
        }

        if (!_limits.TryAdmit(identity.User))
        {
            Close(CloseCodes.AnonymousLimitReached);
            return;
        }

        _identity = identity;
        _acknowledged = true;
        _output.Send(OutboundMessages.ConnectionAck());
    }

    /// <summary>Timers cannot wait longer than about 49 days; tokens living longer are checked again then.</summary>
    private TimeSpan TimerDue(DateTimeOffset expiresAt)
    {
        var due = expiresAt - _services.Time.GetUtcNow();
        return due < TimeSpan.FromDays(30) ? due : TimeSpan.FromDays(30);
    }

    private void CloseIfExpired(DateTimeOffset expiresAt)
    {
        if (expiresAt <= _services.Time.GetUtcNow())
        {
            Close(CloseCodes.TokenExpired);
        }
        else
        {
            _expiryTimer?.Change(TimerDue(expiresAt), Timeout.InfiniteTimeSpan);
        }
    }

    private async Task SubscribeAsync(InboundMessage message)
    {
        if (!_acknowledged)
        {
            Close(CloseCodes.Unauthorized);
            return;
        }

        if (_operations.ContainsKey(message.Id!))
        {
            Close(CloseCodes.SubscriberAlreadyExists(message.Id!));
            return;
        }

        if (await _limits.RefuseOverRateAsync(message.Id!, _identity.User, _output, _aborted))
        {
            return;
        }

        var (request, error) = _services.RequestReader.FromJson(message.Payload!.Value);
        if (request is null)
        {
            Close(CloseCodes.BadRequest($"Invalid subscribe payload: {error!.Message}"));
            return;
        }

        // Back-pressure: at the in-flight cap the receive loop waits here, so the client's next messages wait in TCP.
        var slot = await _limits.Operations.EnterAsync(_aborted);
        var operation = new SocketOperation(message.Id!, _output, op => _operations.TryRemove(KeyValuePair.Create(op.Id, op)), _logger);
        operation.Own(slot);
        if (!_operations.TryAdd(operation.Id, operation))
        {
            slot.Dispose();
            Close(CloseCodes.SubscriberAlreadyExists(operation.Id));
            return;
        }

        _ = ExecuteAsync(operation, request, slot);
    }

    private async Task ExecuteAsync(SocketOperation operation, OperationRequest request, IDisposable slot)
    {
        var messages = _services.Messages;
        try
        {
            var (resolved, unresolved) = _services.Documents.Resolve(request);
            if (resolved is null)
            {
                operation.End(messages.Error(operation.Id, [new ApiException(unresolved!.Code, unresolved.Message)]));
                return;
            }

            (request, var document) = (resolved.Request, resolved.Document);
            var type = document is null ? null : OperationDocument.OperationTypeOf(document, request.OperationName);
            if (type == OperationType.Subscription && ReserveSubscription(operation) is { } refusal)
            {
                operation.End(messages.Error(operation.Id, [refusal]));
                return;
            }

            // One DI scope per operation, alive as long as a subscription's stream is.
            var scope = _services.ScopeFactory.CreateAsyncScope();
            operation.Own(scope.DisposeAsync);
            var result = await _services.Executor.ExecuteLongLivedAsync(request, document, _identity.User, scope.ServiceProvider, operation.Lifetime);
            if (!result.Executed)
            {
                operation.End(messages.Error(operation.Id, result.Errors ?? []));
            }
            else if (result.Streams?.Values.SingleOrDefault() is { } stream)
            {
                _services.Metrics.SubscriptionStarted();
                operation.Own(() =>
                {
                    _services.Metrics.SubscriptionEnded();
                    return ValueTask.CompletedTask;
                });
                operation.Own(stream.Subscribe(new OperationObserver(operation, messages)));
                slot.Dispose(); // a subscription holds a subscription slot from now on, not an in-flight one
            }
            else if (operation.Send(messages.Next(operation.Id, result)))
            {
                operation.End(OutboundMessages.Complete(operation.Id));
            }
        }
        catch (OperationCanceledException) when (operation.Lifetime.IsCancellationRequested)
        {
            operation.End();
        }
        catch (Exception exception)
        {
            LogOperationFailed(_logger, operation.Id, exception);
            operation.End(messages.Error(operation.Id, [new ApiException(ErrorCodes.InternalServerError, "Internal server error")]));
        }
    }

    /// <summary>Takes a subscription slot of the socket and of the user, or says which limit is reached.</summary>
    private ApiException? ReserveSubscription(SocketOperation operation)
    {
        if (Interlocked.Increment(ref _socketSubscriptions) > _options.MaxSubscriptionsPerSocket)
        {
            Interlocked.Decrement(ref _socketSubscriptions);
            return new ApiException(ErrorCodes.SubscriptionLimitExceeded,
                $"This connection already has {_options.MaxSubscriptionsPerSocket} active subscriptions.");
        }

        operation.Own(() =>
        {
            Interlocked.Decrement(ref _socketSubscriptions);
            return ValueTask.CompletedTask;
        });
        if (AppUser.IdOf(_identity.User) is not { } userId)
        {
            return null;
        }

        if (!_services.UserQuota.TryAcquire(userId))
        {
            return new ApiException(ErrorCodes.SubscriptionLimitExceeded,
                $"This user already has {_options.MaxSubscriptionsPerUser} active subscriptions.");
        }

        operation.Own(() =>
        {
            _services.UserQuota.Release(userId);
            return ValueTask.CompletedTask;
        });
        return null;
    }

    public void Dispose()
    {
        _initTimer.Dispose();
        _expiryTimer?.Dispose();
        _output.Dispose();
    }

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "GraphQL socket closed: {Code} {Reason}")]
    private static partial void LogClosed(ILogger logger, int code, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error, Message = "GraphQL socket operation {Id} failed")]
    private static partial void LogOperationFailed(ILogger logger, string id, Exception exception);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Error, Message = "GraphQL socket session failed")]
    private static partial void LogSessionFailed(ILogger logger, Exception exception);
}
