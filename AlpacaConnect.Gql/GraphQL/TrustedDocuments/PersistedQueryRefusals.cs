using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.GraphQL.Transport;

namespace AlpacaConnect.Gql.GraphQL.TrustedDocuments;

/// <summary>
/// Answers to requests that name no document this server runs. The messages are Apollo's own: its clients match
/// on the message (older ones) or the code to retry with the document or to stop sending hashes, and they stop
/// using persisted queries on a 400, so "not found" and "not supported" are 200 like Apollo Server's.
/// </summary>
internal static class PersistedQueryRefusals
{
    public static TransportError NotFound() =>
        new(StatusCodes.Status200OK, ErrorCodes.PersistedQueryNotFound, "PersistedQueryNotFound");

    public static TransportError NotSupported() =>
        new(StatusCodes.Status200OK, ErrorCodes.PersistedQueryNotSupported, "PersistedQueryNotSupported");

    public static TransportError IdRequired() =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.PersistedQueryIdRequired,
            "This server runs only its trusted documents: send 'documentId' or 'extensions.persistedQuery' with the id of one.");

    public static TransportError HashMismatch() =>
        TransportError.BadRequest("provided sha does not match query");

    public static TransportError Malformed(string message) => TransportError.BadRequest(message);
}
