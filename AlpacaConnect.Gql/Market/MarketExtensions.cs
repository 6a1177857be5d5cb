using AlpacaConnect.Gql.GraphQL.Schema;

namespace AlpacaConnect.Gql.Market;

internal static class MarketExtensions
{
    /// <summary>
    /// The <c>marketClock</c> query and the order ticket's <c>asset</c>, <c>assets</c>, <c>quotes</c> and <c>bars</c>
    /// (need <c>AddTradingReads()</c>). Market data is cached per feed in a HybridCache (decision 0034).
    /// </summary>
    public static WebApplicationBuilder AddMarket(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MarketDataOptions>().Bind(builder.Configuration.GetSection(MarketDataOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHybridCache(cache => cache.MaximumKeyLength = 4096);
        builder.Services.AddSingleton<MarketDataCache>();
        builder.Services.AddSingleton<AssetListCache>();
        builder.Services.AddScoped<MarketClockLoader>();
        builder.Services.AddQueryFields<MarketQueries>();
        builder.Services.AddQueryFields<AssetQueries>();
        builder.Services.AddQueryFields<QuoteQueries>();
        return builder;
    }
}
