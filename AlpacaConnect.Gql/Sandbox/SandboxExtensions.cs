using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Sandbox.Accounts;
using AlpacaConnect.Gql.Sandbox.Control;
using AlpacaConnect.Gql.Sandbox.Faults;
using AlpacaConnect.Gql.Sandbox.MarketData;
using AlpacaConnect.Gql.Sandbox.Matching;
using AlpacaConnect.Gql.Sandbox.OAuth;
using AlpacaConnect.Gql.Sandbox.Streaming;
using AlpacaConnect.Gql.Sandbox.Trading;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Sandbox;

public static class SandboxExtensions
{
    /// <summary>
    /// The embedded Alpaca simulator's services. They are registered in every mode (they cost nothing until
    /// resolved, and configuration added by a test host is only final after <c>Build()</c>); the engine's timer
    /// runs and <c>/sandbox</c> is served only when <c>Alpaca:Mode</c> is <c>Sandbox</c> (the default).
    /// </summary>
    public static WebApplicationBuilder AddAlpacaSandbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SandboxOptions>()
            .Bind(builder.Configuration.GetSection(SandboxOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new SandboxRandom(services.GetRequiredService<IOptions<SandboxOptions>>().Value.Seed));
        builder.Services
            .AddSingleton<SandboxOAuthClientRegistry>()
            .AddSingleton<AuthorizationCodes>()
            .AddSingleton<AccessTokens>()
            .AddSingleton<SandboxAccounts>()
            .AddSingleton<AssetCatalog>()
            .AddSingleton<PriceFeed>()
            .AddSingleton<MarketCalendar>()
            .AddSingleton<TradeUpdateHub>()
            .AddSingleton<OrderEvents>()
            .AddSingleton<OrderExecution>()
            .AddSingleton<MatchingEngine>()
            .AddSingleton<OrderPlacement>()
            .AddSingleton<OrderCancellation>()
            .AddSingleton<OrderReplacement>()
            .AddSingleton<RateLimiter>()
            .AddSingleton<FaultInjector>()
            .AddSingleton<RequestLog>()
            .AddSingleton<SandboxControl>()
            .AddHostedService<MatchingLoop>();
        builder.Services.AddSingleton<IPostConfigureOptions<AlpacaOptions>, SandboxAsUpstream>();
        return builder;
    }

    /// <summary>
    /// Serves the sandbox under <c>/sandbox</c> as its own branch (own routing, WebSockets, fault injection and
    /// request log). Call it before the app's authentication: the sandbox's bearer tokens are Alpaca tokens,
    /// not app JWTs. In <c>Alpaca</c> mode nothing is mapped, so <c>/sandbox</c> is 404.
    /// </summary>
    public static WebApplication MapAlpacaSandbox(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
        {
            return app;
        }

        SandboxAsUpstream.RegisterCallbackWhenStarted(app);
        app.Map(SandboxPaths.Root, sandbox =>
        {
            sandbox.UseRouting();
            sandbox.UseWebSockets();
            sandbox.UseMiddleware<SandboxRequestMiddleware>();
            sandbox.UseEndpoints(endpoints =>
            {
                endpoints.MapAuthorize();
                endpoints.MapToken();
                foreach (var environment in Enum.GetValues<SandboxEnvironment>())
                {
                    var host = endpoints.MapGroup("/" + environment.RouteName()).WithMetadata(new EnvironmentMetadata(environment));
                    host.MapTradeUpdates();
                    var v2 = host.MapGroup("/v2").AddEndpointFilter<TradingAccessFilter>();
                    v2.MapAccountReads();
                    v2.MapOrderReads();
                    v2.MapOrderWrites();
                    v2.MapPositions();
                }

                endpoints.MapGroup("/data/v2/stocks").AddEndpointFilter<DataAccessFilter>().MapMarketData();
                endpoints.MapGroup("/data/v1beta1/options").AddEndpointFilter<DataAccessFilter>().MapOptionQuotes();
                endpoints.MapGroup("/data/v1beta3/crypto/us").WithMetadata(new PublicData()).AddEndpointFilter<DataAccessFilter>().MapCryptoQuotes();
                endpoints.MapControl();
            });
        });
        return app;
    }

    internal static bool IsEnabled(IConfiguration configuration) =>
        (configuration.GetSection(AlpacaOptions.Section).Get<AlpacaOptions>()?.Mode ?? AlpacaMode.Sandbox) == AlpacaMode.Sandbox;
}
