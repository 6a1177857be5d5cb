using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.Trading;

internal static class OrderResults
{
    /// <summary>Serialises under the account's lock so the engine cannot change the order mid-write.</summary>
    public static IResult Order(SandboxAccount account, SandboxOrder order, bool withLegs)
    {
        lock (account.Sync)
        {
            return Results.Json(SandboxOrderWire.From(order, withLegs), SandboxJson.Options);
        }
    }
}
