using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

internal static class GraphQLWebSocketExtensions
{
    /// <summary>
    /// The WebSocket transport, in <c>graphql-transport-ws</c> and the legacy <c>graphql-ws</c>; its options are bound from
    /// <c>GraphQL:WebSockets</c>. The protocols are registered in the server's order of preference.
    /// </summary>
    public static IServiceCollection AddGraphQLWebSockets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphQLWebSocketOptions>()
            .Bind(configuration.GetSection(GraphQLWebSocketOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphQLWebSocketOptions>, GraphQLWebSocketOptionsValidator>();
        services.AddSingleton<OriginPolicy>();
        services.AddSingleton<ConnectionInitAuthenticator>();
        services.AddSingleton<OutboundMessages>();
        services.AddSingleton<SocketProtocol, TransportWsProtocol>();
        services.AddSingleton<SocketProtocol, LegacyWsProtocol>();
        services.AddSingleton<UserSubscriptionQuota>();
        services.AddSingleton<SocketAdmission>();
        services.AddSingleton<SessionServices>();
        services.AddSingleton<GraphQLWebSocketEndpoint>();
        return services;
    }

    /// <summary>
    /// Wraps the GraphQL endpoint so that WebSocket upgrade requests on its path reach the socket transport
    /// and everything else reaches <paramref name="next"/>. The WebSocket middleware runs only here, so no
    /// other path accepts upgrades.
    /// </summary>
    public static RequestDelegate WithGraphQLWebSockets(this IEndpointRouteBuilder endpoints, RequestDelegate next)
    {
        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseWebSockets();
        pipeline.Run(context => context.WebSockets.IsWebSocketRequest
            ? context.RequestServices.GetRequiredService<GraphQLWebSocketEndpoint>().HandleAsync(context)
            : next(context));
        return pipeline.Build();
    }
}
