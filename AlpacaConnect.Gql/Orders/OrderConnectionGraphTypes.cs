using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace AlpacaConnect.Gql.Orders;

internal sealed class OrderConnectionGraphType : ObjectGraphType<Connection<Order>>
{
    public OrderConnectionGraphType()
    {
        Name = "OrderConnection";
        Description = "A page of the caller's orders, newest first (Relay cursor connection).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many orders match the filters, on all pages.")
            .Resolve(c => c.Source.TotalCount);
    }
}

internal sealed class OrderEdgeGraphType : ObjectGraphType<Edge<Order>>
{
    public OrderEdgeGraphType()
    {
        Name = "OrderEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Pass as `after` to continue after this order. Opaque, and only valid for the user it was returned to.")
            .Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<OrderGraphType>>("node").Resolve(c => c.Source.Node);
    }
}
