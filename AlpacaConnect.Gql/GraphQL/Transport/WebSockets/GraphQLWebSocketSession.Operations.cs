using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Identity;
using GraphQLParser.AST;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// The session's <c>subscribe</c> (legacy: <c>start</c>) messages: admitted under the socket's limits (rate, in-flight, subscriptions),
/// resolved to a document (trusted documents included) and run as a <see cref="SocketOperation"/>.
/// </summary>
internal sealed partial class GraphQLWebSocketSession
{
    /// <summary>The <c>transport</c> label of this transport's metrics.</summary>
    private const string Transport = "websocket";

    private async Task SubscribeAsync(InboundMessage message)
    {
        if (!_acknowledged)
        {
            Close(CloseCodes.Unauthorized);
            return;
        }

        if (_operations.IsRunning(message.Id!))
        {
            Close(CloseCodes.SubscriberAlreadyExists(message.Id!));
            return;
        }

        if (await _limits.RefuseOverRateAsync(message.Id!, _identity.User, _protocol, _output, _aborted))
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
        var operation = new SocketOperation(message.Id!, _output, _operations.Remove, _logger);
        operation.Own(slot);
        if (!_operations.TryAdd(operation))
        {
            slot.Dispose();
            Close(CloseCodes.SubscriberAlreadyExists(operation.Id));
            return;
        }

        _ = ExecuteAsync(operation, request, slot);
    }

    private async Task ExecuteAsync(SocketOperation operation, OperationRequest request, IDisposable slot)
    {
        try
        {
            var (resolved, unresolved) = _services.Documents.Resolve(request);
            if (resolved is null)
            {
                operation.End(_protocol.Error(operation.Id, [new ApiException(unresolved!.Code, unresolved.Message)]));
                return;
            }

            (request, var document) = (resolved.Request, resolved.Document);
            var type = document is null ? null : OperationDocument.OperationTypeOf(document, request.OperationName);
            if (type == OperationType.Subscription && ReserveSubscription(operation) is { } refusal)
            {
                operation.End(_protocol.Error(operation.Id, [refusal]));
                return;
            }

            // One DI scope per operation, alive as long as a subscription's stream is.
            var scope = _services.ScopeFactory.CreateAsyncScope();
            operation.Own(scope.DisposeAsync);
            var result = await _services.Executor.ExecuteLongLivedAsync(request, document, _identity.User, scope.ServiceProvider, operation.Lifetime);
            if (!result.Executed)
            {
                operation.End(_protocol.Error(operation.Id, result.Errors ?? []));
            }
            else if (result.Streams?.Values.SingleOrDefault() is { } stream)
            {
                _services.Metrics.SubscriptionStarted(Transport);
                operation.Own(() =>
                {
                    _services.Metrics.SubscriptionEnded(Transport);
                    return ValueTask.CompletedTask;
                });
                operation.Own(stream.Subscribe(new OperationObserver(operation, _protocol)));
                slot.Dispose(); // a subscription holds a subscription slot from now on, not an in-flight one
            }
            else if (operation.Send(_protocol.Result(operation.Id, result)))
            {
                operation.End(_protocol.Complete(operation.Id));
            }
        }
        catch (OperationCanceledException) when (operation.Lifetime.IsCancellationRequested)
        {
            operation.End();
        }
        catch (Exception exception)
        {
            LogOperationFailed(_logger, operation.Id, exception);
            operation.End(_protocol.Error(operation.Id, [new ApiException(ErrorCodes.InternalServerError, "Internal server error")]));
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
            return _services.UserQuota.Exceeded();
        }

        operation.Own(() =>
        {
            _services.UserQuota.Release(userId);
            return ValueTask.CompletedTask;
        });
        return null;
    }

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error, Message = "GraphQL socket operation {Id} failed")]
    private static partial void LogOperationFailed(ILogger logger, string id, Exception exception);
}
