using System.Security.Claims;
using AlpacaConnect.Gql.GraphQL.Errors;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Transport;

/// <summary>
/// Runs one operation for any transport: with the caller's identity, the request's DI scope, the
/// caller's cancellation and the configured execution timeout.
/// </summary>
internal sealed class OperationExecutor(
    IDocumentExecuter<ISchema> executer,
    IOptions<GraphQLOptions> options,
    TimeProvider time,
    OperationsInFlight inFlight)
{
    public async Task<ExecutionResult> ExecuteAsync(
        OperationRequest request,
        GraphQLDocument? document,
        ClaimsPrincipal user,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (Refused(request, document) is { } refused)
        {
            return refused;
        }

        using var counted = inFlight.Enter();
        using var activity = OperationActivity.Start(request, document);
        using var timeout = new CancellationTokenSource(options.Value.ExecutionTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(Options(request, document, user, services, linked.Token));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            result = TimedOut();
        }

        OperationActivity.Complete(activity, result);
        return result;
    }

    /// <summary>
    /// Runs an operation whose result may outlive the call: a subscription's stream runs until
    /// <paramref name="lifetime"/> is cancelled. The engine hands the execution token to the source stream
    /// for its whole life, so the execution timeout may cancel <paramref name="lifetime"/> only while the
    /// initial execution runs, never the stream afterwards.
    /// </summary>
    public async Task<ExecutionResult> ExecuteLongLivedAsync(
        OperationRequest request,
        GraphQLDocument? document,
        ClaimsPrincipal user,
        IServiceProvider services,
        CancellationTokenSource lifetime)
    {
        if (Refused(request, document) is { } refused)
        {
            return refused;
        }

        // The span and the in-flight count cover the initial execution; a subscription's stream lives on without them.
        using var counted = inFlight.Enter();
        using var activity = OperationActivity.Start(request, document);
        var timedOut = 0;
        var timer = time.CreateTimer(
            _ =>
            {
                Interlocked.Exchange(ref timedOut, 1);
                lifetime.Cancel();
            },
            null,
            options.Value.ExecutionTimeout,
            Timeout.InfiniteTimeSpan);
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(Options(request, document, user, services, lifetime.Token));
        }
        catch (OperationCanceledException) when (Volatile.Read(ref timedOut) == 1)
        {
            return TimedOut();
        }
        finally
        {
            await timer.DisposeAsync();
        }

        // The timer may have fired between the engine's return and its disposal: the stream is then already cancelled.
        result = Volatile.Read(ref timedOut) == 1 ? TimedOut() : result;
        OperationActivity.Complete(activity, result);
        return result;
    }

    /// <summary>Documents the engine must not be given (see <see cref="OperationDocument.Refusal"/>), answered as a request error.</summary>
    private ExecutionResult? Refused(OperationRequest request, GraphQLDocument? document) =>
        OperationDocument.Refusal(request.Query, document, options.Value.MaxExpandedSelections) is { } error
            ? new ExecutionResult { Executed = false, Errors = [error] }
            : null;

    private static ExecutionOptions Options(
        OperationRequest request, GraphQLDocument? document, ClaimsPrincipal user, IServiceProvider services, CancellationToken token) => new()
        {
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = user,
            RequestServices = services,
            CancellationToken = token,
        };

    private ExecutionResult TimedOut() => new()
    {
        Executed = false,
        Errors = [new ApiException(ErrorCodes.ExecutionTimeout, $"The operation did not finish within {options.Value.ExecutionTimeout.TotalSeconds:0.###} s.")],
    };
}
