using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.Transport;

/// <summary>
/// One GraphQL request, as carried by GET parameters, a POST body or a WebSocket <c>subscribe</c> payload. A request
/// may name a persisted document (<see cref="DocumentId"/> or <c>extensions.persistedQuery</c>) instead of sending
/// <see cref="Query"/>; the transports resolve it with <c>DocumentResolver</c> before anything runs.
/// </summary>
internal sealed record OperationRequest(
    string? Query,
    string? OperationName,
    Inputs? Variables,
    Inputs? Extensions)
{
    public string? DocumentId { get; init; }
}
