using System.Text.Json;
using System.Text.Json.Nodes;
using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Streaming;
using AlpacaConnect.Sandbox.Trading;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.Matching;

/// <summary>
/// Publishes trade_updates for an account. Called under the account's lock, so the order snapshot is
/// consistent and events reach subscribers in the order they happened.
/// </summary>
public sealed class OrderEvents(TradeUpdateHub hub, SandboxRandom random, TimeProvider time)
{
    public void Publish(SandboxAccount account, SandboxOrder order, string eventName, Fill? fill = null)
    {
        var now = time.GetUtcNow();
        var data = new JsonObject
        {
            ["event"] = eventName,
            ["order"] = JsonSerializer.SerializeToNode(SandboxOrderWire.From(order, withLegs: false), SandboxJson.Options),
            ["timestamp"] = SandboxJson.Timestamp(now),
            ["at"] = SandboxJson.Timestamp(now),
            ["event_id"] = random.NextUlid(now),
        };
        if (fill is not null)
        {
            data["execution_id"] = fill.ExecutionId.ToString();
            data["price"] = SandboxJson.Decimal(fill.Price);
            data["qty"] = SandboxJson.Decimal(fill.Qty);
            data["position_qty"] = SandboxJson.Decimal(fill.PositionQty);
        }

        var message = new JsonObject { ["stream"] = "trade_updates", ["data"] = data };
        hub.Publish(account.Id, eventName, JsonSerializer.SerializeToUtf8Bytes(message, SandboxJson.Options), order.ClientOrderId);
    }
}

/// <summary>An execution: what a fill event carries besides the order.</summary>
public sealed record Fill(Guid ExecutionId, decimal Price, decimal Qty, decimal PositionQty);
