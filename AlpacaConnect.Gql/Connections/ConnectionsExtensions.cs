using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.GraphQL.Schema;

namespace AlpacaConnect.Gql.Connections;

internal static class ConnectionsExtensions
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

    /// <summary>The OAuth callback Alpaca sends the browser back to; in Development also a page to return to.</summary>
    public static WebApplication MapConnections(this WebApplication app)
    {
        app.MapGet(CallbackPath, (string? code, string? state, string? error, OAuthCallbackHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(code, state, error, cancellationToken))
            .WithDisplayName("Alpaca OAuth callback");
        if (app.Environment.IsDevelopment())
        {
            app.MapGet(DevReturnPage.Path, (string? completionCode, string? error) => DevReturnPage.Show(completionCode, error))
                .WithDisplayName("Development return page");
        }

        return app;
    }
}
