using AlpacaConnect.Gql.GraphQL.Errors;
using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.Transport;

/// <summary>Writes GraphQL results and transport errors in the one error shape of this API.</summary>
internal sealed class GraphQLResponseWriter(IGraphQLTextSerializer serializer)
{
    public async Task WriteResultAsync(HttpContext context, ExecutionResult result, ResponseMediaType mediaType, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = mediaType.ContentType();
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    /// <summary>
    /// Transport errors are not GraphQL responses, so they are never labelled
    /// <c>application/graphql-response+json</c> (GraphQL over HTTP, "Response").
    /// </summary>
    public async Task WriteErrorAsync(HttpContext context, TransportError error)
    {
        if (error.Allow is not null)
        {
            context.Response.Headers.Allow = error.Allow;
        }

        if (error.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var result = new ExecutionResult { Executed = false, Errors = [new ApiException(error.Code, error.Message)] };
        await WriteResultAsync(context, result, ResponseMediaType.Json, error.StatusCode);
    }
}
