using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Trading;

namespace AlpacaConnect.Sandbox.Matching;

/// <summary>
/// Works every open order: activations at the open, pending cancels and replaces, fills when marketable,
/// day expiry and GTC aging. Runs on a timer (<see cref="MatchingLoop"/>), after price moves, and on demand
/// (<see cref="RunPass"/> with <c>ignoreDelay</c>, so tests need no sleeps). Each account is locked on its own.
/// </summary>
public sealed class MatchingEngine(
    SandboxAccounts accounts, OrderExecution execution, OrderEvents events, MarketCalendar calendar, TimeProvider time)
{
    public void RunPass(bool ignoreDelay = false)
    {
        foreach (var account in accounts.All)
        {
            // Idle accounts are skipped without their lock: with thousands of generated users a pass would otherwise take
            // every lock. Reading Count unlocked is a benign race; an order added meanwhile is worked on the next pass.
            if (account.Working.Count == 0)
            {
                continue;
            }

            lock (account.Sync)
            {
                Work(account, ignoreDelay);
            }
        }
    }

    private void Work(SandboxAccount account, bool ignoreDelay)
    {
        var now = time.GetUtcNow();
        var marketOpen = calendar.IsOpen(now);
        account.Working.RemoveAll(o => SandboxOrderStatus.IsClosed(o.Status));
        foreach (var order in account.Working.Where(o => o.Status != SandboxOrderStatus.Held).ToList())
        {
            if (SandboxOrderStatus.IsClosed(order.Status))
            {
                continue; // closed meanwhile by a linked leg
            }

            var open = marketOpen || order.Asset.TradesAroundTheClock;
            if (order.DayEndsAt <= now || order.ExpiresAt <= now)
            {
                execution.Cancel(account, order, order.DayEndsAt <= now ? SandboxOrderStatus.Expired : SandboxOrderStatus.Canceled);
                continue;
            }

            if (order.Status == SandboxOrderStatus.Accepted && open)
            {
                execution.Activate(account, order);
            }

            if (!ignoreDelay && now < order.WorkableAt)
            {
                continue;
            }

            switch (order.Status)
            {
                case SandboxOrderStatus.PendingCancel:
                    execution.Cancel(account, order);
                    break;
                case SandboxOrderStatus.PendingReplace:
                    CompleteReplace(account, order, now);
                    break;
                case SandboxOrderStatus.New or SandboxOrderStatus.PartiallyFilled when open:
                    execution.TryFill(account, order);
                    break;
            }
        }
    }

    private void CompleteReplace(SandboxAccount account, SandboxOrder order, DateTimeOffset now)
    {
        var replacement = order.PendingReplacement!;
        order.PendingReplacement = null;
        order.Status = SandboxOrderStatus.Replaced;
        order.ReplacedAt = order.UpdatedAt = now;
        order.ReplacedBy = replacement.Id;
        events.Publish(account, order, "replaced");
        if (calendar.IsOpenFor(replacement.Asset, now))
        {
            execution.Activate(account, replacement);
        }
        else
        {
            replacement.Status = SandboxOrderStatus.Accepted;
        }
    }
}
