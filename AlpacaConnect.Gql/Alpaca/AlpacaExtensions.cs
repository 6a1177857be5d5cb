using AlpacaConnect.Gql.Alpaca.Clients;
using AlpacaConnect.Gql.Alpaca.Http;
using AlpacaConnect.Gql.Alpaca.Wire;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using Refit;

namespace AlpacaConnect.Gql.Alpaca;

internal static class AlpacaExtensions
{
    /// <summary>
    /// The upstream boundary: options, the OAuth client and the per-connection Trading API clients, each call going
    /// through resilience → per-account rate limiter → access token → HTTP. The Connections feature registers
    /// <see cref="IAlpacaCredentialStore"/>.
    /// </summary>
    public static WebApplicationBuilder AddAlpaca(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<AlpacaOptions>().Bind(configuration.GetSection(AlpacaOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlpacaOptions>, AlpacaOptionsValidator>();
        services.AddHostedService<UpstreamAnnouncement>();
        services.AddOptions<AlpacaResilienceOptions>().Bind(configuration.GetSection(AlpacaResilienceOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AlpacaRateLimitOptions>().Bind(configuration.GetSection(AlpacaRateLimitOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AlpacaUpstreamAddresses, ConfiguredUpstreamAddresses>();
        services.AddSingleton<AlpacaErrorMapper>();
        services.AddSingleton<AccountRateLimiter>();
        services.TryAddSingleton<IAccountRateLimiter>(sp => sp.GetRequiredService<AccountRateLimiter>());
        services.AddSingleton<AlpacaTokenProvider>();
        services.AddTransient<AccessTokenHandler>();
        services.AddTransient<IAlpacaOAuthClient, AlpacaOAuthClient>();
        services.AddSingleton<IAlpacaClientFactory, AlpacaClientFactory>();
        services.AddOptions<AlpacaStreamOptions>().Bind(configuration.GetSection(AlpacaStreamOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAlpacaTradeUpdates, Streaming.TradeUpdatesSocket>();

        foreach (var environment in Enum.GetValues<AlpacaEnvironment>())
        {
            services.AddKeyedRefitGeneratedClient<IAlpacaTradingApi>(environment, Settings, AlpacaHttpClientNames.Trading(environment))
                .ConfigureHttpClient((sp, http) => Configure(http, sp.GetRequiredService<AlpacaUpstreamAddresses>().Trading(environment)))
                .AddAccountPipeline("trading");
            // The same host and budget as the trading calls, through a client of its own name.
            services.AddKeyedRefitGeneratedClient<IAlpacaAccountApi>(environment, Settings, AlpacaHttpClientNames.Account(environment))
                .ConfigureHttpClient((sp, http) => Configure(http, sp.GetRequiredService<AlpacaUpstreamAddresses>().Trading(environment)))
                .AddAccountPipeline("trading");
        }

        services.AddRefitGeneratedClient<IAlpacaMarketDataApi>(Settings, AlpacaHttpClientNames.MarketData)
            .ConfigureHttpClient((sp, http) => Configure(http, sp.GetRequiredService<AlpacaUpstreamAddresses>().MarketData))
            .AddAccountPipeline("data");

        // The token endpoint is never retried: a code is single-use, and a refresh token may rotate.
        services.AddRefitGeneratedClient<IAlpacaOAuthApi>(Settings, AlpacaHttpClientNames.OAuth)
            .ConfigureHttpClient((sp, http) => Configure(http, sp.GetRequiredService<AlpacaUpstreamAddresses>().TokenEndpoint))
            .AddResilienceHandler("alpaca-oauth", (pipeline, context) => pipeline.AddTimeout(
                context.ServiceProvider.GetRequiredService<IOptions<AlpacaResilienceOptions>>().Value.AttemptTimeout)).Services
            .AddHttpClient(AlpacaHttpClientNames.OAuth)
            .AddHttpMessageHandler(sp => Telemetry(sp, "oauth"));
        return builder;
    }

    /// <summary>
    /// Outermost first: resilience, then the account's budget, then the token (so each attempt gets a fresh one), then
    /// the attempt's telemetry.
    /// </summary>
    private static IHttpClientBuilder AddAccountPipeline(this IHttpClientBuilder client, string api) => client
        .AddResilienceHandler(AlpacaResiliencePipeline.Name, AlpacaResiliencePipeline.Configure).Services
        .AddHttpClient(client.Name)
        .AddHttpMessageHandler(sp => new AccountRateLimitHandler(sp.GetRequiredService<IAccountRateLimiter>(), api))
        .AddHttpMessageHandler<AccessTokenHandler>()
        .AddHttpMessageHandler(sp => Telemetry(sp, api));

    private static UpstreamTelemetryHandler Telemetry(IServiceProvider services, string api) =>
        new(services.GetRequiredService<IUpstreamMetrics>(), services.GetRequiredService<TimeProvider>(), api);

    private static RefitSettings Settings(IServiceProvider services)
    {
        var mapper = services.GetRequiredService<AlpacaErrorMapper>();
        return new RefitSettings
        {
            ContentSerializer = new SystemTextJsonContentSerializer(WireJson.Options),
            ExceptionFactory = mapper.FromResponseAsync,
            DeserializationExceptionFactory = AlpacaErrorMapper.FromUnreadableBody,
            TransportExceptionFactory = AlpacaErrorMapper.FromTransport,
        };
    }

    private static void Configure(HttpClient http, Uri baseAddress)
    {
        http.BaseAddress = baseAddress;
        // Timeouts belong to the resilience pipeline, which takes its time from TimeProvider.
        http.Timeout = Timeout.InfiniteTimeSpan;
    }
}
