using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Activities;
using AlpacaConnect.Sandbox.Control;
using AlpacaConnect.Sandbox.Faults;
using AlpacaConnect.Sandbox.MarketData;
using AlpacaConnect.Sandbox.Matching;
using AlpacaConnect.Sandbox.OAuth;
using AlpacaConnect.Sandbox.Portfolio;
using AlpacaConnect.Sandbox.Push;
using AlpacaConnect.Sandbox.Streaming;
using AlpacaConnect.Sandbox.Trading;
using AlpacaConnect.Sandbox.Watchlists;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox;

public static class SandboxExtensions
{
    /// <summary>
    /// The Alpaca simulator's services. They cost nothing until resolved, so a host may register them and decide only
    /// after <c>Build()</c> whether to serve them; the engine's timer runs only once <see cref="UseAlpacaSandbox"/> has
    /// mounted the simulator.
    /// </summary>
    public static IServiceCollection AddAlpacaSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxOptions>()
            .Bind(configuration.GetSection(SandboxOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new SandboxRandom(provider.GetRequiredService<IOptions<SandboxOptions>>().Value.Seed));
        services
            .AddSingleton<SandboxMount>()
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
            .AddSingleton<SandboxOrderPlacement>()
            .AddSingleton<SandboxOrderCancellation>()
            .AddSingleton<SandboxOrderReplacement>()
            .AddSingleton<RateLimiter>()
            .AddSingleton<FaultInjector>()
            .AddSingleton<RequestLog>()
            .AddSingleton<SandboxControl>()
            .AddHostedService<MatchingLoop>();
        services.AddPushFakes();
        return services;
    }

    /// <summary>
    /// Serves the simulator on a branch mapped at <see cref="SandboxPaths.Root"/> (own routing, WebSockets, fault
    /// injection and request log): <c>app.Map(SandboxPaths.Root, sandbox =&gt; sandbox.UseAlpacaSandbox())</c>. A host
    /// with authentication of its own maps it first: the simulator's bearer tokens are Alpaca tokens, not the host's.
    /// </summary>
    public static IApplicationBuilder UseAlpacaSandbox(this IApplicationBuilder sandbox)
    {
        sandbox.ApplicationServices.GetRequiredService<SandboxMount>().Mounted = true;
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
                v2.MapActivities();
                v2.MapPortfolioHistory();
                v2.MapCalendar();
                v2.MapWatchlists();
            }

            var stocks = endpoints.MapGroup("/data/v2/stocks").AddEndpointFilter<DataAccessFilter>();
            stocks.MapMarketData();
            stocks.MapStockSnapshotsAndBars();
            endpoints.MapGroup("/data/v1beta1/options").AddEndpointFilter<DataAccessFilter>().MapOptionQuotes();
            var crypto = endpoints.MapGroup("/data/v1beta3/crypto/us").WithMetadata(new PublicData()).AddEndpointFilter<DataAccessFilter>();
            crypto.MapCryptoQuotes();
            crypto.MapCryptoSnapshots();
            endpoints.MapControl();
            endpoints.MapPushFakes();
        });
        return sandbox;
    }
}

/// <summary>Whether a host serves the simulator: its matching engine runs only then.</summary>
internal sealed class SandboxMount
{
    public bool Mounted { get; set; }
}
