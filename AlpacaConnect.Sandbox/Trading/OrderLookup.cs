using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.Trading;

internal static class OrderLookup
{
    /// <summary>A malformed id is 422 40010001 "order_id is missing" (Alpaca-API#135); an unknown one 404.</summary>
    public static IResult? Find(SandboxAccount account, string orderId, out SandboxOrder? order)
    {
        order = null;
        if (!Guid.TryParse(orderId, out var id))
        {
            return AlpacaError.Result(422, AlpacaError.InvalidParameter, "order_id is missing");
        }

        lock (account.Sync)
        {
            order = account.OrdersById.GetValueOrDefault(id);
        }

        return order is null ? AlpacaError.Result(404, AlpacaError.NotFound, "order not found") : null;
    }
}
