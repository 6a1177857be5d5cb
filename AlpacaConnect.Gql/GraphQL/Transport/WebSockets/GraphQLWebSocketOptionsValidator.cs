using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>Allowed origins must be bare origins, as browsers send them; a path or a typo would never match.</summary>
internal sealed class GraphQLWebSocketOptionsValidator : IValidateOptions<GraphQLWebSocketOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphQLWebSocketOptions options)
    {
        var invalid = options.AllowedOrigins.Where(o => !OriginPolicy.IsOrigin(o)).ToList();
        return invalid.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{GraphQLWebSocketOptions.Section}:AllowedOrigins must list origins like 'https://app.example.com' (no path); invalid: {string.Join(", ", invalid)}");
    }
}
