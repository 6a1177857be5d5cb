using AlpacaConnect.Gql.Trading;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

internal sealed class OrderSideGraphType : EnumerationGraphType<OrderSide>
{
    public OrderSideGraphType()
    {
        Name = "OrderSide";
    }
}

internal sealed class OrderClassGraphType : EnumerationGraphType<OrderClass>
{
    public OrderClassGraphType()
    {
        Name = "OrderClass";
    }
}

internal sealed class OrderStatusGraphType : EnumerationGraphType<OrderStatus>
{
    public OrderStatusGraphType()
    {
        Name = "OrderStatus";
        Description = "Alpaca's order statuses, plus PENDING_SUBMIT (saved, not yet confirmed by Alpaca) and UNKNOWN (the outcome of a submission could not be established yet; placing again with the same key reconciles it).";
    }
}
