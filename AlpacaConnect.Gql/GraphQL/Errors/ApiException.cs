using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.Errors;

/// <summary>An expected failure surfaced as a top-level GraphQL error with one of <see cref="ErrorCodes"/>.</summary>
internal sealed class ApiException : ExecutionError
{
    public ApiException(string code, string message, IReadOnlyDictionary<string, object?>? details = null)
        : base(message)
    {
        Code = code;
        Details = details ?? new Dictionary<string, object?>();
    }

    /// <summary>Extra, non-secret facts for the client, added to <c>extensions</c> next to <c>code</c> (e.g. <c>retryAfter</c>).</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }
}
