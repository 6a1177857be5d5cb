using System.Text.Encodings.Web;
using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.GraphQL.Limits;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.GraphQL.Transport;
using GraphQL;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL;

public static class GraphQLExtensions
{
    public const string Path = "/graphql";

    /// <summary>The engine, the schema composed from the features, limits, errors and the transports.</summary>
    public static WebApplicationBuilder AddGraphQLApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphQLOptions>()
            .Bind(builder.Configuration.GetSection(GraphQLOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<ErrorExposure>();
        builder.Services.AddGraphQL(graphql => graphql
            .AddSchema<ApiSchema>()
            .AddGraphTypes(typeof(GraphQLExtensions).Assembly)
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider<ApiErrorInfoProvider>(services => new(services.GetRequiredService<ErrorExposure>()))
            .AddValidationRule<AuthenticationRule>(useForCachedDocuments: true)
            .AddComplexityAnalyzer((complexity, services) =>
                ComplexityLimits.Configure(complexity, services.GetRequiredService<IOptions<GraphQLOptions>>().Value))
            .AddUnhandledExceptionHandler(UnhandledErrors.Handle));

        builder.Services.AddGraphQLHttpTransport();
        return builder;
    }

    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGraphQLHttp(Path);
}
