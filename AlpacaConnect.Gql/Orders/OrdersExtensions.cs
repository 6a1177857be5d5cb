using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Guardrails;

namespace AlpacaConnect.Gql.Orders;

public static class OrdersExtensions
{
    /// <summary>Order placement with idempotency and guardrails, the order history, and their GraphQL fields.</summary>
    public static WebApplicationBuilder AddOrders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GuardrailOptions>()
            .Bind(builder.Configuration.GetSection(GuardrailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<OrderLocks>();
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddSingleton<OrderGuardrails>();
        builder.Services.AddSingleton<OrderPlacement>();
        builder.Services.AddSingleton<OrderCancellation>();
        builder.Services.AddQueryFields<OrderQueries>();
        builder.Services.AddMutationFields<OrderMutations>();
        return builder;
    }
}
