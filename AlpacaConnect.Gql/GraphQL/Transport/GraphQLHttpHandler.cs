using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.GraphQL.Limits;
using AlpacaConnect.Gql.GraphQL.TrustedDocuments;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP (GET and POST on one path). Status codes follow the graphql-http audit suite:
/// <c>application/json</c> responses are 200 whenever a GraphQL response is produced;
/// <c>application/graphql-response+json</c> request errors are 4xx; transport errors are 4xx for both.
/// </summary>
internal sealed class GraphQLHttpHandler(
    GraphQLHttpRequestReader reader,
    DocumentResolver resolver,
    OperationExecutor executor,
    GraphQLResponseWriter writer,
    RequestRateLimiter rates,
    IOptions<GraphQLOptions> options)
{
    private const string AllowedMethods = "GET, POST";

    public async Task HandleAsync(HttpContext context)
    {
        // Before the body is read: a caller over its rate costs the server as little as possible.
        if (rates.TryAcquire(context.User, context.Connection.RemoteIpAddress) is { } retryAfter)
        {
            await writer.WriteErrorAsync(context, RateLimitedErrors.ForHttp(retryAfter));
            return;
        }

        var http = context.Request;
        if (ResponseMediaTypes.Negotiate(http.Headers.Accept) is not { } mediaType)
        {
            await writer.WriteErrorAsync(context, TransportError.NotAcceptable());
            return;
        }

        var (request, error) = http.Method switch
        {
            "GET" => reader.ReadGet(http.Query),
            "POST" => await reader.ReadPostAsync(http, options.Value.MaxRequestBytes, context.RequestAborted),
            _ => (null, TransportError.MethodNotAllowed(AllowedMethods, $"{http.Method} is not supported; use GET or POST.")),
        };
        if (request is null)
        {
            await writer.WriteErrorAsync(context, error!);
            return;
        }

        var (resolved, refusal) = resolver.Resolve(request);
        if (resolved is null)
        {
            await writer.WriteErrorAsync(context, refusal!);
            return;
        }

        (request, var document) = (resolved.Request, resolved.Document);
        var operationType = document is null ? null : OperationDocument.OperationTypeOf(document, request.OperationName);
        if (operationType == OperationType.Mutation && HttpMethods.IsGet(http.Method))
        {
            await writer.WriteErrorAsync(context, TransportError.MethodNotAllowed("POST", "Mutations must be sent with POST."));
            return;
        }

        if (operationType == OperationType.Subscription)
        {
            await writer.WriteErrorAsync(context, TransportError.BadRequest(
                "Subscriptions are served over WebSocket (graphql-transport-ws) and Server-Sent Events (Accept: text/event-stream) on this path."));
            return;
        }

        var result = await executor.ExecuteAsync(request, document, context.User, context.RequestServices, context.RequestAborted);
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        await writer.WriteResultAsync(context, result, mediaType, StatusCodeFor(result, mediaType));
    }

    private static int StatusCodeFor(ExecutionResult result, ResponseMediaType mediaType) => (mediaType, result.Executed) switch
    {
        (ResponseMediaType.Json, _) or (_, true) => StatusCodes.Status200OK,
        _ when result.Errors?.Any(e => e.Code == ErrorCodes.ExecutionTimeout) == true => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status400BadRequest,
    };
}
