using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlpacaConnect.Gql.GraphQL.Schema;

internal static class RootFieldsRegistration
{
    public static IServiceCollection AddQueryFields<T>(this IServiceCollection services)
        where T : class, IQueryFields
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQueryFields, T>());
        return services;
    }

    public static IServiceCollection AddMutationFields<T>(this IServiceCollection services)
        where T : class, IMutationFields
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMutationFields, T>());
        return services;
    }

    public static IServiceCollection AddSubscriptionFields<T>(this IServiceCollection services)
        where T : class, ISubscriptionFields
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISubscriptionFields, T>());
        return services;
    }
}
