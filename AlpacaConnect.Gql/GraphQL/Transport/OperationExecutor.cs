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
    TimeProvider time)
{
    public async Task<ExecutionResult> ExecuteAsync(
        OperationRequest request,
        GraphQLDocument? document,
        ClaimsPrincipal user,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Value.ExecutionTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                Document = document,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                User = user,
                RequestServices = services,
                CancellationToken = linked.Token,
            });
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ExecutionResult
            {
                Executed = false,
                Errors = [new ApiException(ErrorCodes.ExecutionTimeout, $"The operation did not finish within {options.Value.ExecutionTimeout.TotalSeconds:0.###} s.")],
            };
        }
    }
}
