namespace AlpacaConnect.Gql.GraphQL.Transport;

internal static class GraphQLHttpEndpoints
{
    public static IServiceCollection AddGraphQLHttpTransport(this IServiceCollection services) => services
        .AddSingleton<GraphQLHttpRequestReader>()
        .AddSingleton<OperationExecutor>()
        .AddSingleton<OperationsInFlight>()
        .AddSingleton<GraphQLResponseWriter>()
        .AddSingleton<GraphQLHttpHandler>();

    /// <summary>GraphQL over HTTP for every method, so unsupported ones get 405 with <c>Allow</c>.</summary>
    public static Task HandleAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<GraphQLHttpHandler>().HandleAsync(context);
}
