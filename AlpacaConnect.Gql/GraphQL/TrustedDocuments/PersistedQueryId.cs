using System.Globalization;
using AlpacaConnect.Gql.GraphQL.Transport;
using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.TrustedDocuments;

/// <summary>
/// The id a request names its document by: <c>documentId</c> (GraphQL over HTTP's persisted documents, bare or
/// prefixed <c>sha256:</c>) or Apollo's <c>extensions.persistedQuery.sha256Hash</c> (version 1).
/// </summary>
internal static class PersistedQueryId
{
    private const string Sha256Prefix = "sha256:";

    /// <summary>The id (null when none is named), or why the naming is malformed.</summary>
    public static (string? Id, TransportError? Error) Of(OperationRequest request)
    {
        var documentId = request.DocumentId is { } named && named.StartsWith(Sha256Prefix, StringComparison.Ordinal)
            ? named[Sha256Prefix.Length..]
            : request.DocumentId;
        var (hash, error) = ApolloHash(request);
        if (error is not null)
        {
            return (null, error);
        }

        return documentId is not null && hash is not null && !string.Equals(documentId, hash, StringComparison.OrdinalIgnoreCase)
            ? (null, PersistedQueryRefusals.Malformed("'documentId' and 'extensions.persistedQuery.sha256Hash' name different documents."))
            : ((documentId ?? hash)?.ToLowerInvariant(), null);
    }

    /// <summary>Whether the request names an Apollo persisted query (the transports accept it without <c>query</c>).</summary>
    public static bool IsNamedIn(Inputs? extensions) => extensions?.ContainsKey("persistedQuery") == true;

    private static (string?, TransportError?) ApolloHash(OperationRequest request)
    {
        if (request.Extensions is null || !request.Extensions.TryGetValue("persistedQuery", out var value) || value is null)
        {
            return (null, null);
        }

        if (value is not IDictionary<string, object?> persistedQuery
            || !persistedQuery.TryGetValue("sha256Hash", out var hash) || hash is not string { Length: > 0 } text)
        {
            return (null, PersistedQueryRefusals.Malformed("'extensions.persistedQuery' must be an object with a string 'sha256Hash'."));
        }

        return persistedQuery.TryGetValue("version", out var version) && version is not null && Convert.ToString(version, CultureInfo.InvariantCulture) != "1"
            ? (null, PersistedQueryRefusals.Malformed("Only version 1 of 'extensions.persistedQuery' is supported."))
            : (text, null);
    }
}
