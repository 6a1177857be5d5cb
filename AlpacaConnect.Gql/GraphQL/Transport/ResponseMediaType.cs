using Microsoft.Net.Http.Headers;

namespace AlpacaConnect.Gql.GraphQL.Transport;

/// <summary>The two response media types of GraphQL over HTTP, chosen from the Accept header.</summary>
internal enum ResponseMediaType
{
    /// <summary><c>application/json</c>: legacy clients; well-formed GraphQL responses are always 200.</summary>
    Json,

    /// <summary><c>application/graphql-response+json</c>: request errors get 4xx.</summary>
    GraphQLResponse,
}

internal static class ResponseMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string EventStream = "text/event-stream";

    /// <summary>The best acceptable type, or null when the client accepts neither (406).</summary>
    public static ResponseMediaType? Negotiate(IList<string> acceptHeaders)
    {
        if (acceptHeaders.Count == 0 || !MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted) || accepted.Count == 0)
        {
            return ResponseMediaType.Json;
        }

        foreach (var type in accepted.Where(a => a.Quality is null or > 0).OrderByDescending(a => a.Quality ?? 1))
        {
            var name = type.MediaType.Value ?? "";
            if (name.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                return ResponseMediaType.GraphQLResponse;
            }

            if (name.Equals(Json, StringComparison.OrdinalIgnoreCase) || name is "*/*" or "application/*")
            {
                return ResponseMediaType.Json;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the client asks for GraphQL over Server-Sent Events: <c>text/event-stream</c> is its most preferred type
    /// this endpoint serves (the graphql-sse client sends exactly <c>Accept: text/event-stream</c>). An equal quality
    /// is settled by the header's order; <c>*/*</c> alone still means JSON.
    /// </summary>
    public static bool PrefersEventStream(IList<string> acceptHeaders)
    {
        if (acceptHeaders.Count == 0 || !MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted))
        {
            return false;
        }

        var preferred = accepted
            .Where(a => a.Quality is null or > 0)
            .OrderByDescending(a => a.Quality ?? 1)
            .Select(a => a.MediaType.Value ?? "")
            .FirstOrDefault(name => name.Equals(EventStream, StringComparison.OrdinalIgnoreCase)
                || name.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase)
                || name.Equals(Json, StringComparison.OrdinalIgnoreCase)
                || name is "*/*" or "application/*");
        return EventStream.Equals(preferred, StringComparison.OrdinalIgnoreCase);
    }

    public static string ContentType(this ResponseMediaType type) => type switch
    {
        ResponseMediaType.GraphQLResponse => GraphQLResponseJson + "; charset=utf-8",
        _ => Json + "; charset=utf-8",
    };
}
