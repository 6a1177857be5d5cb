using GraphQL.Types;

namespace AlpacaConnect.Gql.Trading;

internal sealed class OrderTypeGraphType : EnumerationGraphType<OrderType>
{
    public OrderTypeGraphType()
    {
        Name = "OrderType";
    }
}

internal sealed class TimeInForceGraphType : EnumerationGraphType<TimeInForce>
{
    public TimeInForceGraphType()
    {
        Name = "TimeInForce";
        Description = "How long an order works: DAY (until the close), GTC (until cancelled), and the special values some accounts may use.";
    }
}
