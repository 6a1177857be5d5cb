using System.Security.Claims;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.GraphQL.Transport.WebSockets;
using AlpacaConnect.Gql.GraphQL.TrustedDocuments;
using AlpacaConnect.Gql.Identity;
using AlpacaConnect.Gql.Observability;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Transport.ServerSentEvents;

/// <summary>
/// Runs the operation of one event stream as a socket runs a <c>subscribe</c>: a query or mutation once, with the
/// execution timeout and the request's cancellation as on HTTP; a subscription under the per-user quota both transports
/// share, with the long-lived execution and its stream observed until the stream ends. The request's DI scope lives as
/// long as the stream, so it is the operation's scope.
/// </summary>
internal sealed partial class EventStreamOperation(
    OperationExecutor executor,
    UserSubscriptionQuota quota,
    EventStreamMessages messages,
    AppMetrics metrics,
    IOptions<ServerSentEventsOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<EventStreamOperation> logger)
{
    /// <summary>The <c>transport</c> label of this transport's metrics.</summary>
    private const string Transport = "sse";

    public async Task RunAsync(HttpContext context, ResolvedDocument? resolved, TransportError? refusal)
    {
        await using var stream = new EventStream(context, options.Value, time, logger);
        stream.Start();
        try
        {
            await ExecuteAsync(context, stream, resolved, refusal);
        }
        catch (OperationCanceledException) when (stream.Ended.IsCancellationRequested || context.RequestAborted.IsCancellationRequested)
        {
            stream.End();
        }
        catch (Exception exception)
        {
            LogOperationFailed(logger, exception);
            Finish(stream, messages.Errors(new ApiException(ErrorCodes.InternalServerError, "Internal server error")));
        }

        await stream.Completion;
    }

    private async Task ExecuteAsync(HttpContext context, EventStream stream, ResolvedDocument? resolved, TransportError? refusal)
    {
        if (resolved is null)
        {
            Finish(stream, messages.Errors(new ApiException(refusal!.Code, refusal.Message)));
            return;
        }

        var (request, document) = (resolved.Request, resolved.Document);
        var type = document is null ? null : OperationDocument.OperationTypeOf(document, request.OperationName);
        if (type != OperationType.Subscription)
        {
            // As on HTTP: only the client leaving cancels it. A mutation is never cut short by the stream's other ends.
            var result = await executor.ExecuteAsync(request, document, context.User, context.RequestServices, context.RequestAborted);
            Finish(stream, messages.Next(result));
            return;
        }

        var userId = AppUser.IdOf(context.User)!;
        if (!quota.TryAcquire(userId))
        {
            Finish(stream, messages.Errors(quota.Exceeded()));
            return;
        }

        try
        {
            await SubscribeAsync(context, stream, request, document);
        }
        finally
        {
            quota.Release(userId);
        }
    }

    private async Task SubscribeAsync(HttpContext context, EventStream stream, OperationRequest request, GraphQLDocument? document)
    {
        using var operationLifetime = CancellationTokenSource.CreateLinkedTokenSource(stream.Ended);
        var result = await executor.ExecuteLongLivedAsync(request, document, context.User, context.RequestServices, operationLifetime);
        if (!result.Executed || result.Streams?.Values.SingleOrDefault() is not { } source)
        {
            Finish(stream, messages.Next(result));
            return;
        }

        // A socket closes when its token expires or the server stops (decision 0006); a stream ends then, without
        // `complete`, so the graphql-sse client reconnects with the token it has by then, or to another instance.
        using var stopping = lifetime.ApplicationStopping.Register(stream.End);
        await using var expiry = ExpiryTimer(context.User, stream);
        metrics.SubscriptionStarted(Transport);
        try
        {
            using var subscription = source.Subscribe(new EventStreamObserver(stream, messages));
            await stream.Completion;
        }
        finally
        {
            metrics.SubscriptionEnded(Transport);
        }
    }

    private static void Finish(EventStream stream, byte[] next)
    {
        stream.Send(next);
        stream.Complete();
    }

    /// <summary>Ends the stream when the bearer token expires. Timers cannot wait about 49 days; a stream that old ends at 30.</summary>
    private ITimer ExpiryTimer(ClaimsPrincipal user, EventStream stream)
    {
        var due = long.TryParse(user.FindFirst("exp")?.Value, out var exp)
            ? DateTimeOffset.FromUnixTimeSeconds(exp) - time.GetUtcNow()
            : TimeSpan.MaxValue;
        var limit = TimeSpan.FromDays(30);
        return time.CreateTimer(_ => stream.End(), null, due < TimeSpan.Zero ? TimeSpan.Zero : due < limit ? due : limit, Timeout.InfiniteTimeSpan);
    }

    [LoggerMessage(EventId = 2111, Level = LogLevel.Error, Message = "GraphQL event stream operation failed")]
    private static partial void LogOperationFailed(ILogger logger, Exception exception);
}
