namespace AlpacaConnect.Gql.GraphQL.Transport;

public static class GraphQLHttpEndpoints
{
    public static IServiceCollection AddGraphQLHttpTransport(this IServiceCollection services) => services
        .AddSingleton<GraphQLHttpRequestReader>()
        .AddSingleton<OperationExecutor>()
        .AddSingleton<GraphQLResponseWriter>()
        .AddSingleton<GraphQLHttpHandler>();

    /// <summary>Maps every method on <paramref name="path"/>, so unsupported ones get 405 with <c>Allow</c>.</summary>
    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, string path) =>
        endpoints.Map(path, context => context.RequestServices.GetRequiredService<GraphQLHttpHandler>().HandleAsync(context))
            .WithDisplayName("GraphQL over HTTP");
}
