using AlpacaConnect.Gql.GraphQL.Schema;

namespace AlpacaConnect.Gql.Orders.Batches;

internal static class OrderBatchesExtensions
{
    /// <summary><c>cancelAllOrders</c> and <c>closeAllPositions</c>: one item at a time through the single-order paths (decision 0038).</summary>
    public static WebApplicationBuilder AddOrderBatches(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OrderBatchStore>();
        builder.Services.AddSingleton<AllOrdersCancellation>();
        builder.Services.AddSingleton<AllPositionsClosing>();
        builder.Services.AddMutationFields<BatchMutations>();
        return builder;
    }
}
