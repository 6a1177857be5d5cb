using System.Text.Encodings.Web;
using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.GraphQL.Explorer;
using AlpacaConnect.Gql.GraphQL.Limits;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.GraphQL.Subscriptions;
using AlpacaConnect.Gql.GraphQL.Transport;
using AlpacaConnect.Gql.GraphQL.Transport.ServerSentEvents;
using AlpacaConnect.Gql.GraphQL.Transport.WebSockets;
using AlpacaConnect.Gql.GraphQL.TrustedDocuments;
using GraphQL;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL;

internal static class GraphQLExtensions
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
            .AddValidationRule<IntrospectionPolicy>(useForCachedDocuments: true)
            .AddComplexityAnalyzer((complexity, services) =>
                ComplexityLimits.Configure(complexity, services.GetRequiredService<IOptions<GraphQLOptions>>().Value))
            .AddUnhandledExceptionHandler(UnhandledErrors.Handle)
            // One execution and one serialization per event for all of a user's subscribers with the same document.
            .AddExecutionStrategy<SharedResultsStrategy>(GraphQLParser.AST.OperationType.Subscription));

        builder.Services.AddRequestRateLimits(builder.Configuration);
        builder.Services.AddTrustedDocuments(builder.Configuration);
        builder.Services.AddGraphQLHttpTransport();
        builder.Services.AddBrowserOrigins();
        builder.Services.AddGraphQLWebSockets(builder.Configuration);
        builder.Services.AddGraphQLServerSentEvents(builder.Configuration);
        builder.Services.AddGraphQLExplorer(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// One path for everything: WebSocket upgrades speak graphql-transport-ws (or the legacy graphql-ws), requests that
    /// accept <c>text/event-stream</c> get GraphQL over Server-Sent Events, a browser navigating to it is sent to the
    /// explorer (when enabled), and the rest is GraphQL over HTTP.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map(Path, endpoints.WithGraphQLWebSockets(
                endpoints.WithGraphQLExplorer(Path, GraphQLHttpEndpoints.HandleAsync).WithGraphQLServerSentEvents()))
            .WithDisplayName("GraphQL")
            .RequireCors(BrowserOrigins.PolicyName);
}
