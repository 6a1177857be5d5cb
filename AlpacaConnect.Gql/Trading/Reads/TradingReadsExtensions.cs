using AlpacaConnect.Gql.Trading.Assets;

namespace AlpacaConnect.Gql.Trading.Reads;

internal static class TradingReadsExtensions
{
    /// <summary>
    /// What the account, positions and market features share: the per-connection read cache (singleton; the order
    /// side calls <see cref="ConnectionReadCache.Invalidate"/> after a fill), the caller's connection per request, and the
    /// per-environment asset table that the order pipeline and the ticket's <c>asset(symbol)</c> both read.
    /// </summary>
    public static WebApplicationBuilder AddTradingReads(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReadCacheOptions>()
            .Bind(builder.Configuration.GetSection(ReadCacheOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services => new ConnectionReadCache(
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReadCacheOptions>>().Value.MaxEntries));
        builder.Services.AddHostedService<ReadCacheInvalidation>();
        builder.Services.AddScoped<CallerConnection>();
        builder.Services.AddSingleton<AssetDirectory>();
        return builder;
    }
}
