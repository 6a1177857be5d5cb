using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.Transport;

/// <summary>One GraphQL request, as carried by GET parameters, a POST body or a WebSocket <c>subscribe</c> payload.</summary>
internal sealed record OperationRequest(
    string Query,
    string? OperationName,
    Inputs? Variables,
    Inputs? Extensions);
