using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Errors;

/// <summary>Whether exception messages and stack traces may reach clients: by default only in Development.</summary>
internal sealed class ErrorExposure(IOptions<GraphQLOptions> options, IHostEnvironment environment)
{
    public bool ExposeDetails { get; } = options.Value.ExposeExceptionDetails ?? environment.IsDevelopment();
}
