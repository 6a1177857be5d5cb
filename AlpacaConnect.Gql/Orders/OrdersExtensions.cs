using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Orders.Pipeline;
using AlpacaConnect.Gql.Streaming;

namespace AlpacaConnect.Gql.Orders;

internal static class OrdersExtensions
{
    /// <summary>
    /// Every money-moving command through one pipeline (asset, guardrails, reservation, sent once, settled), the order history (listed with Relay pagination, synced from
    /// Alpaca when stale), and their GraphQL fields. The guardrail limits are bound by <c>AddGuardrails()</c> (configured lists replace the defaults
    /// there; a plain bind would append).
    /// </summary>
    public static WebApplicationBuilder AddOrders(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OrderLocks>();
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddSingleton<OrderLog>();
        builder.Services.AddOptions<OrderPipelineOptions>()
            .Bind(builder.Configuration.GetSection(OrderPipelineOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<MarketReader>();
        builder.Services.AddSingleton<OrderSettlement>();
        builder.Services.AddSingleton<TradingGate>();
        builder.Services.AddSingleton<OrderPipeline>();
        builder.Services.AddSingleton<OrderPlacement>();
        builder.Services.AddSingleton<OrderCancellation>();
        builder.Services.AddOptions<OrderHistoryOptions>()
            .Bind(builder.Configuration.GetSection(OrderHistoryOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<OrderHistorySync>();
        builder.Services.AddSingleton<MissedExecutions>();
        builder.Services.AddSingleton<OrderList>();
        builder.Services.AddSingleton<OrderReplacement>();
        builder.Services.AddSingleton<PositionClosing>();
        builder.Services.AddQueryFields<OrderQueries>();
        builder.Services.AddQueryFields<OrderLogQueries>();
        builder.Services.AddQueryFields<OrderPreviewQueries>();
        builder.Services.AddMutationFields<OrderMutations>();
        builder.Services.AddSubscriptionFields<OrderSubscriptions>();
        builder.Services.AddSingleton<ITradeUpdateHandler, OrderStreamHandler>();
        builder.Services.AddHostedService<OrderBacklogMetrics>();
        return builder;
    }
}
