using AlpacaConnect.Sandbox.Activities;
using AlpacaConnect.Sandbox.Trading;

namespace AlpacaConnect.Sandbox.Accounts;

/// <summary>
/// One brokerage account. All state is guarded by <see cref="Sync"/>: requests on different accounts never
/// wait on each other.
/// </summary>
public sealed class SandboxAccount(Guid id, string number, SandboxEnvironment environment, string userId, DateTimeOffset createdAt)
{
    public Lock Sync { get; } = new();

    public Guid Id { get; } = id;

    public string Number { get; } = number;

    public SandboxEnvironment Environment { get; } = environment;

    public string UserId { get; } = userId;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public decimal Cash { get; set; }

    /// <summary>Alpaca's <c>trading_blocked</c>: the account may not place orders (set through the control surface).</summary>
    public bool TradingBlocked { get; set; }

    /// <summary>Alpaca's <c>account_blocked</c>: all account activity is prohibited.</summary>
    public bool AccountBlocked { get; set; }

    /// <summary>Alpaca's <c>trade_suspended_by_user</c>: the user switched trading off.</summary>
    public bool TradeSuspendedByUser { get; set; }

    public Dictionary<string, SandboxPosition> Positions { get; } = new(StringComparer.Ordinal);

    /// <summary>Every order ever placed, oldest first (children included).</summary>
    public List<SandboxOrder> Orders { get; } = [];

    public Dictionary<Guid, SandboxOrder> OrdersById { get; } = [];

    /// <summary>Orders that may still change, oldest first; closed ones are pruned by the matching engine.
    /// Keeps engine passes and buying-power checks proportional to open orders, not to history.</summary>
    public List<SandboxOrder> Working { get; } = [];

    /// <summary>Client order ids are unique for the account's lifetime, canceled orders included (alpaca-py#260).</summary>
    public Dictionary<string, SandboxOrder> OrdersByClientId { get; } = new(StringComparer.Ordinal);

    /// <summary>Every execution, oldest first, as the FILL account activities serve them.</summary>
    public List<SandboxFillActivity> Fills { get; } = [];

    /// <summary>Dividends, deposits, journals, fees, splits…, oldest first, as the non-trade account activities serve them.</summary>
    public List<SandboxNonTradeActivity> NonTradeActivities { get; } = [];

    /// <summary>The account's watchlists, oldest first.</summary>
    public List<Watchlists.SandboxWatchlist> Watchlists { get; } = [];

    public void Add(SandboxOrder order)
    {
        Orders.Add(order);
        Working.Add(order);
        OrdersById[order.Id] = order;
        OrdersByClientId[order.ClientOrderId] = order;
    }

    public void Reset(decimal cash)
    {
        Cash = cash;
        Positions.Clear();
        Orders.Clear();
        Working.Clear();
        OrdersById.Clear();
        OrdersByClientId.Clear();
        Fills.Clear();
        NonTradeActivities.Clear();
        Watchlists.Clear();
    }
}
