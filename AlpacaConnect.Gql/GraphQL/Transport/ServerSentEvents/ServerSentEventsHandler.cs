using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.GraphQL.Limits;
using AlpacaConnect.Gql.GraphQL.TrustedDocuments;
using AlpacaConnect.Gql.Identity;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Transport.ServerSentEvents;

/// <summary>
/// GraphQL over Server-Sent Events, graphql-sse's distinct connections mode: one request, one operation, its results as
/// <c>next</c> events and a <c>complete</c>. What is wrong with the request itself (method, rate, authentication, body)
/// is a plain HTTP error before any stream exists; from the document on, everything the operation answers (refused
/// documents, validation, limits, execution errors) is a <c>next</c> event with <c>errors</c>, as the protocol asks.
/// </summary>
internal sealed class ServerSentEventsHandler(
    GraphQLHttpRequestReader reader,
    DocumentResolver resolver,
    GraphQLResponseWriter writer,
    RequestRateLimiter rates,
    EventStreamOperation operation,
    IOptions<GraphQLOptions> options)
{
    private const string AllowedMethods = "GET, POST";

    public async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        if (http.Method is "PUT" or "DELETE")
        {
            await writer.WriteErrorAsync(context, TransportError.MethodNotAllowed(AllowedMethods,
                "GraphQL over SSE is served in distinct connections mode only (POST with Accept: text/event-stream); single connection mode's reservations are not."));
            return;
        }

        // Before the body is read, as on HTTP: a caller over its rate costs the server as little as possible.
        if (rates.TryAcquire(context.User, context.Connection.RemoteIpAddress) is { } retryAfter)
        {
            await writer.WriteErrorAsync(context, RateLimitedErrors.ForHttp(retryAfter));
            return;
        }

        // An invalid token never gets here (RejectInvalidBearerTokens answers 401); no token is refused here.
        if (AppUser.IdOf(context.User) is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await writer.WriteErrorAsync(context, new TransportError(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated,
                "GraphQL over Server-Sent Events needs a signed-in user: send 'Authorization: Bearer <token>'."));
            return;
        }

        var (request, error) = http.Method switch
        {
            "GET" => reader.ReadGet(http.Query),
            "POST" => await reader.ReadPostAsync(http, options.Value.MaxRequestBytes, context.RequestAborted),
            _ => (null, TransportError.MethodNotAllowed(AllowedMethods, $"{http.Method} is not supported; use POST.")),
        };
        if (request is null)
        {
            await writer.WriteErrorAsync(context, error!);
            return;
        }

        var (resolved, refusal) = resolver.Resolve(request);
        if (resolved?.Document is { } document && HttpMethods.IsGet(http.Method)
            && OperationDocument.OperationTypeOf(document, resolved.Request.OperationName) == OperationType.Mutation)
        {
            await writer.WriteErrorAsync(context, TransportError.MethodNotAllowed("POST", "Mutations must be sent with POST."));
            return;
        }

        await operation.RunAsync(context, resolved, refusal);
    }
}
