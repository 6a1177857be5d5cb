using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.Errors;

/// <summary>An expected failure surfaced as a top-level GraphQL error with one of <see cref="ErrorCodes"/>.</summary>
public sealed class ApiException : ExecutionError
{
    public ApiException(string code, string message)
        : base(message)
    {
        Code = code;
    }
}
