using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.TrustedDocuments;

internal static class TrustedDocumentsExtensions
{
    /// <summary>Persisted operations: the trusted manifest, automatic persisted queries and the mode; options from <c>GraphQL:TrustedDocuments</c>.</summary>
    public static IServiceCollection AddTrustedDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrustedDocumentsOptions>()
            .Bind(configuration.GetSection(TrustedDocumentsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedDocumentsOptions>, TrustedDocumentsOptionsValidator>();
        services.AddSingleton(provider => TrustedManifest.Load(provider.GetRequiredService<IOptions<TrustedDocumentsOptions>>().Value) switch
        {
            ({ } manifest, _) => manifest,
            (_, var error) => throw new InvalidOperationException($"{TrustedDocumentsOptions.Section}:ManifestPath: {error}"),
        });
        services.AddSingleton<AutomaticPersistedQueryCache>();
        services.AddSingleton<DocumentResolver>();
        return services;
    }
}
