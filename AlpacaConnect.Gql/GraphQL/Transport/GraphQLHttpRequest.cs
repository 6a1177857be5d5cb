using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.Transport;

/// <summary>One GraphQL request as carried by GET parameters or a POST body.</summary>
internal sealed record GraphQLHttpRequest(
    string Query,
    string? OperationName,
    Inputs? Variables,
    Inputs? Extensions);
