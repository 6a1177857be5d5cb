using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Matching;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Trading;

/// <summary>
/// A cancel request is accepted at once (<c>pending_cancel</c>, HTTP 204) and completed by the matching
/// engine after the fill delay, as at Alpaca where 204 does not mean canceled yet.
/// </summary>
public sealed class SandboxOrderCancellation(OrderEvents events, TimeProvider time, IOptions<SandboxOptions> options)
{
    /// <summary>False when the order is no longer cancelable. Call under the account's lock.</summary>
    public bool Request(SandboxAccount account, SandboxOrder order)
    {
        if (!SandboxOrderStatus.CanCancel(order.Status))
        {
            return false;
        }

        var now = time.GetUtcNow();
        order.Status = SandboxOrderStatus.PendingCancel;
        order.CancelRequestedAt = order.UpdatedAt = now;
        order.WorkableAt = now + options.Value.Market.FillDelay;
        events.Publish(account, order, "pending_cancel");
        return true;
    }

    /// <summary>Requests cancellation of every open top-level order (legs follow their parent).</summary>
    public IReadOnlyList<SandboxOrder> RequestAll(SandboxAccount account)
    {
        lock (account.Sync)
        {
            return account.Working.Where(o => o.Parent is null).ToList().Where(o => Request(account, o)).ToList();
        }
    }
}
