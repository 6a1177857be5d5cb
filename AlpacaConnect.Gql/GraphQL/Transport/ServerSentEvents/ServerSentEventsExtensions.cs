namespace AlpacaConnect.Gql.GraphQL.Transport.ServerSentEvents;

internal static class ServerSentEventsExtensions
{
    /// <summary>GraphQL over Server-Sent Events (graphql-sse, distinct connections mode); options from <c>GraphQL:ServerSentEvents</c>.</summary>
    public static IServiceCollection AddGraphQLServerSentEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServerSentEventsOptions>()
            .Bind(configuration.GetSection(ServerSentEventsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<EventStreamMessages>();
        services.AddSingleton<EventStreamOperation>();
        services.AddSingleton<ServerSentEventsHandler>();
        return services;
    }

    /// <summary>
    /// Wraps the GraphQL endpoint so that requests preferring <c>text/event-stream</c> get an event stream, and the
    /// methods of graphql-sse's single connection mode (<c>PUT</c> reservations, <c>DELETE</c>) a refusal that names
    /// the mode; everything else reaches <paramref name="next"/>.
    /// </summary>
    public static RequestDelegate WithGraphQLServerSentEvents(this RequestDelegate next) => context =>
        IsForEventStreams(context.Request)
            ? context.RequestServices.GetRequiredService<ServerSentEventsHandler>().HandleAsync(context)
            : next(context);

    private static bool IsForEventStreams(HttpRequest request) =>
        HttpMethods.IsPut(request.Method)
        || HttpMethods.IsDelete(request.Method)
        || ResponseMediaTypes.PrefersEventStream(request.Headers.Accept);
}
