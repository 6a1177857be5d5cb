namespace AlpacaConnect.Gql.GraphQL.Errors;

/// <summary>
/// An expected failure returned in a mutation payload's <c>errors</c> list (not thrown). Each subtype is a
/// GraphQL object type implementing <c>interface Error { code: ErrorCode! message: String! }</c>.
/// </summary>
internal abstract record PayloadError(string Code, string Message);
