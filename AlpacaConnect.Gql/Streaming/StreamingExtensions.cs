using AlpacaConnect.Gql.Alpaca.Http;
using AlpacaConnect.Gql.Events;

namespace AlpacaConnect.Gql.Streaming;

internal static class StreamingExtensions
{
    /// <summary>
    /// The supervisor that follows each account's trade_updates stream. The Orders feature handles the updates
    /// (<see cref="ITradeUpdateHandler"/>); which accounts are usable is read from the Connections feature
    /// (<see cref="ConnectionStreamTargets"/>).
    /// </summary>
    public static WebApplicationBuilder AddStreaming(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StreamingOptions>()
            .Bind(builder.Configuration.GetSection(StreamingOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.ReconnectMaxDelay >= o.ReconnectInitialDelay, "Streaming:ReconnectMaxDelay must not be shorter than Streaming:ReconnectInitialDelay.")
            .ValidateOnStart();
        builder.Services.AddSingleton<StreamLeases>();
        builder.Services.AddSingleton<StreamBudget>();
        // With Redis, every instance spends one budget per account (decision 0032); else each its own.
        builder.Services.AddSingleton<SharedAccountRateLimiter>();
        builder.Services.AddSingleton<IAccountRateLimiter>(services => EventsExtensions.IsRedis(services)
            ? services.GetRequiredService<SharedAccountRateLimiter>()
            : services.GetRequiredService<AccountRateLimiter>());
        builder.Services.AddSingleton<IStreamTargets, ConnectionStreamTargets>();
        builder.Services.AddSingleton<StreamDemand>();
        builder.Services.AddSingleton<IStreamDemand>(services => services.GetRequiredService<StreamDemand>());
        builder.Services.AddSingleton<StreamNeed>();
        builder.Services.AddSingleton<ReconciliationScheduler>();
        builder.Services.AddSingleton<StreamFollower>();
        builder.Services.AddSingleton<StreamReconnectLoop>();
        builder.Services.AddSingleton<TradeUpdatesSupervisor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TradeUpdatesSupervisor>());
        return builder;
    }
}
