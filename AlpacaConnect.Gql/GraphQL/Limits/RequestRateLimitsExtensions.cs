namespace AlpacaConnect.Gql.GraphQL.Limits;

internal static class RequestRateLimitsExtensions
{
    /// <summary>The per-user and per-IP request rate limits of <c>/graphql</c>, HTTP and socket alike (<c>GraphQL:RateLimits</c>).</summary>
    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestRateOptions>()
            .Bind(configuration.GetSection(RequestRateOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RequestRateLimiter>();
        return services;
    }
}
