using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Trading;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders.Pipeline;

internal sealed class AssetClassNotAllowedErrorType : PayloadErrorGraphType<AssetClassNotAllowedError>
{
    public AssetClassNotAllowedErrorType()
        : base("AssetClassNotAllowedError", "The order's asset class is not traded through this app; nothing was sent to Alpaca.")
    {
        Field<NonNullGraphType<AssetClassGraphType>>("assetClass").Resolve(c => c.Source.AssetClass);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssetClassGraphType>>>>("allowed").Resolve(c => c.Source.Allowed);
    }
}

internal sealed class OrderAccountChangedErrorType : PayloadErrorGraphType<OrderAccountChangedError>
{
    public OrderAccountChangedErrorType()
        : base("OrderAccountChangedError", "The order belongs to an Alpaca account that is no longer the connected one; nothing was sent to any account.")
    {
        Field<NonNullGraphType<IdGraphType>>("orderId").Resolve(c => c.Source.OrderId);
    }
}

internal sealed class OrderIntentExpiredErrorType : PayloadErrorGraphType<OrderIntentExpiredError>
{
    public OrderIntentExpiredErrorType()
        : base("OrderIntentExpiredError", "The order was saved but never confirmed by Alpaca in time; it is EXPIRED and will never be sent.")
    {
        Field<NonNullGraphType<IdGraphType>>("orderId").Resolve(c => c.Source.OrderId);
    }
}
