using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.GraphQL.Schema;

namespace AlpacaConnect.Gql.Connections;

public static class ConnectionsExtensions
{
    public const string CallbackPath = "/auth/alpaca/callback";

    /// <summary>Connecting, completing and disconnecting Alpaca accounts; tokens at rest; the credential store the Alpaca client uses.</summary>
    public static WebApplicationBuilder AddConnections(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConnectionsOptions>()
            .Bind(builder.Configuration.GetSection(ConnectionsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<TokenVault>();
        builder.Services.AddSingleton<ReturnToPolicy>();
        builder.Services.AddSingleton<OAuthStateStore>();
        builder.Services.AddSingleton<ConnectFlow>();
        builder.Services.AddSingleton<OAuthCallbackHandler>();
        builder.Services.AddSingleton<ConnectionCompletion>();
        builder.Services.AddSingleton<ConnectionDirectory>();
        builder.Services.AddSingleton<IAlpacaCredentialStore, ConnectionCredentialStore>();
        builder.Services.AddSingleton<ExpiredFlowSweeper>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ExpiredFlowSweeper>());
        builder.Services.AddQueryFields<ConnectionQueries>();
        builder.Services.AddMutationFields<ConnectionMutations>();
        builder.Services.AddSubscriptionFields<ConnectionSubscriptions>();
        return builder;
    }

    /// <summary>Where Alpaca sends the browser back after the consent page.</summary>
    public static IEndpointConventionBuilder MapAlpacaOAuthCallback(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(CallbackPath, (string? code, string? state, string? error, OAuthCallbackHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(code, state, error, cancellationToken))
            .WithDisplayName("Alpaca OAuth callback");
}
