using AlpacaConnect.Gql.GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.TrustedDocuments;

/// <summary>
/// Turns a request into the document to run, for HTTP and the socket alike: the trusted manifest's operation for
/// a known id, a document registered by automatic persisted queries, or the request's own text where the mode
/// allows ad-hoc documents. Whatever it refuses never reaches the parser or the engine.
/// </summary>
internal sealed class DocumentResolver(
    IOptions<TrustedDocumentsOptions> options,
    TrustedManifest manifest,
    AutomaticPersistedQueryCache registered)
{
    public (ResolvedDocument? Document, TransportError? Error) Resolve(OperationRequest request)
    {
        var (id, error) = PersistedQueryId.Of(request);
        if (error is not null)
        {
            return (null, error);
        }

        if (id is not null && manifest.Find(id) is { } trusted)
        {
            // The manifest's text runs, never the client's: a client may send both (Apollo's socket link always does).
            return (new ResolvedDocument(request with { Query = trusted.Body }, trusted.Document), null);
        }

        var mode = options.Value.Mode;
        var automatic = options.Value.AutomaticPersistedQueries && mode != TrustedDocumentsMode.Only;
        return (id, request.Query) switch
        {
            (_, _) when mode == TrustedDocumentsMode.Only => (null, id is null ? PersistedQueryRefusals.IdRequired() : Unknown(request)),
            (null, null) => (null, PersistedQueryRefusals.Malformed("The 'query' property is required and must be a string.")),
            (null, { } text) => (Parsed(request, text), null),
            ({ } hash, null) when automatic && registered.Find(hash) is { } text => (Parsed(request with { Query = text }, text), null),
            (_, null) => (null, automatic || mode == TrustedDocumentsMode.Allow ? PersistedQueryRefusals.NotFound() : PersistedQueryRefusals.NotSupported()),
            ({ } hash, { } text) => Register(request, hash, text, automatic),
        };
    }

    /// <summary>In <c>Only</c> mode an unknown id is not found; text sent with it (an APQ registration) is refused.</summary>
    private static TransportError Unknown(OperationRequest request) =>
        request.Query is null ? PersistedQueryRefusals.NotFound() : PersistedQueryRefusals.IdRequired();

    private (ResolvedDocument?, TransportError?) Register(OperationRequest request, string hash, string text, bool automatic)
    {
        if (PersistedQueryManifest.IdOf(text) != hash)
        {
            return (null, PersistedQueryRefusals.HashMismatch());
        }

        if (automatic)
        {
            registered.Store(hash, text);
        }

        return (Parsed(request, text), null);
    }

    private static ResolvedDocument Parsed(OperationRequest request, string text) => new(request, OperationDocument.TryParse(text));
}

/// <summary>The request with the text that runs, and that text parsed (null when it does not parse: the engine reports why).</summary>
internal sealed record ResolvedDocument(OperationRequest Request, GraphQLDocument? Document);
