using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>Allowed origins must be bare origins, as browsers send them; a path or a typo would never match.</summary>
internal sealed class GraphQLWebSocketOptionsValidator : IValidateOptions<GraphQLWebSocketOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphQLWebSocketOptions options) =>
        OriginPolicy.ValidateList($"{GraphQLWebSocketOptions.Section}:{nameof(GraphQLWebSocketOptions.AllowedOrigins)}", options.AllowedOrigins);
}
