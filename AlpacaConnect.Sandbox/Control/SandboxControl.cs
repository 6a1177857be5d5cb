using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Activities;
using AlpacaConnect.Sandbox.Faults;
using AlpacaConnect.Sandbox.Matching;
using AlpacaConnect.Sandbox.OAuth;
using AlpacaConnect.Sandbox.Streaming;
using AlpacaConnect.Sandbox.Trading;

namespace AlpacaConnect.Sandbox.Control;

/// <summary>
/// Test and demo control of the sandbox (also served as JSON under <c>/sandbox/control</c>): tokens, faults,
/// streams, prices, the matching engine, the request log, and a full reset to the seeded state.
/// </summary>
public sealed class SandboxControl(
    SandboxAccounts accounts, AccessTokens tokens, AuthorizationCodes codes, FaultInjector faults, TradeUpdateHub streams,
    PriceFeed prices, AssetCatalog assets, MatchingEngine engine, OrderEvents orderEvents, RequestLog log, RateLimiter rateLimiter,
    SandboxRandom random, TimeProvider time)
{
    public IReadOnlyList<SandboxUser> Users => accounts.Users;

    public IReadOnlyList<SandboxRequestRecord> Requests => log.Snapshot();

    public IReadOnlyList<FaultRule> Faults => faults.Rules;

    public int OpenStreams => streams.Count;

    /// <summary>
    /// Open trade_updates sockets that have been told they are listening: an event from now on reaches them. A socket is
    /// open (<see cref="OpenStreams"/>) a moment before that, while it authenticates.
    /// </summary>
    public int ListeningStreams => streams.Listening;

    /// <summary>When the sandbox last handed <paramref name="eventName"/> of an order to its trade_updates sockets (see <see cref="TradeUpdateHub.EmittedAt"/>).</summary>
    public long? EmittedAt(string clientOrderId, string eventName) => streams.EmittedAt(clientOrderId, eventName);

    /// <summary>trade_updates sockets accepted since start-up or the last reset (the request log lists a socket only once it closed).</summary>
    public int StreamsOpened => streams.Opened;

    /// <summary>Issues a token without the browser flow (a seeded user's account(s); <paramref name="environment"/>
    /// null grants both). The scope is taken as given.</summary>
    public IssuedToken IssueToken(string userId, SandboxEnvironment? environment, string scope = "account:write trading data") =>
        tokens.Issue(accounts.User(userId) ?? throw new ArgumentException($"No seeded user '{userId}'.", nameof(userId)), environment, scope);

    /// <summary>After this, the token gets 401 40110000 on REST and unauthorized on the stream; its open streams close.</summary>
    public bool RevokeToken(string accessToken) => tokens.Revoke(accessToken);

    public int RevokeTokenByFingerprint(string fingerprint) => tokens.RevokeByFingerprint(fingerprint);

    public void AddFault(FaultRule rule) => faults.Add(rule);

    public void ClearFaults() => faults.Clear();

    /// <summary>Clears the faults on one route (as <see cref="FaultRule.Route"/> names it), leaving the others.</summary>
    public void ClearFaults(string route) => faults.Clear(route);

    /// <summary>Aborts open trade_updates sockets, of one account or all.</summary>
    public int DropStreams(Guid? accountId = null) => streams.Drop(c => accountId is null || c.AccountId == accountId);

    /// <summary>The next <paramref name="count"/> trade_updates named <paramref name="eventName"/> (e.g. <c>fill</c>) are lost: the account's sockets are dropped instead.</summary>
    public void DropStreamsInsteadOf(string eventName, int count = 1) => streams.DropInsteadOf(eventName, count);

    /// <summary>The executions of an order, oldest first, as its FILL account activities report them.</summary>
    public IReadOnlyList<SandboxFillActivity> Executions(Guid alpacaOrderId)
    {
        var account = accounts.All.FirstOrDefault(a => a.OrdersById.ContainsKey(alpacaOrderId))
            ?? throw new ArgumentException($"No sandbox order '{alpacaOrderId}'.", nameof(alpacaOrderId));
        lock (account.Sync)
        {
            return account.Fills.Where(f => f.OrderId == alpacaOrderId).ToList();
        }
    }

    /// <summary>Sends a trade_updates message named <paramref name="eventName"/> (any name, e.g. one Alpaca may add) with the order as it is.</summary>
    public void EmitTradeUpdate(Guid alpacaOrderId, string eventName)
    {
        var account = accounts.All.FirstOrDefault(a => a.OrdersById.ContainsKey(alpacaOrderId))
            ?? throw new ArgumentException($"No sandbox order '{alpacaOrderId}'.", nameof(alpacaOrderId));
        lock (account.Sync)
        {
            orderEvents.Publish(account, account.OrdersById[alpacaOrderId], eventName);
        }
    }

    public SandboxQuote Quote(string symbol) => prices.Quote(Asset(symbol));

    /// <summary>Moves a symbol's last price; resting orders are worked at once.</summary>
    public void SetPrice(string symbol, decimal price) => prices.SetPrice(Asset(symbol), price);

    /// <summary>Seeded random-walk steps for one symbol or all.</summary>
    public void Tick(string? symbol = null, int steps = 1) =>
        prices.Tick(symbol is null ? assets.All : [Asset(symbol)], steps);

    /// <summary>Works every open order now, ignoring the fill delay: no sleeping in tests.</summary>
    public void ProcessNow() => engine.RunPass(ignoreDelay: true);

    public void ClearRequests() => log.Clear();

    /// <summary>Sets the restriction flags Alpaca reports on an account (<c>trading_blocked</c>, <c>account_blocked</c>, <c>trade_suspended_by_user</c>).</summary>
    public void SetAccountRestrictions(string userId, SandboxEnvironment environment, bool tradingBlocked, bool accountBlocked = false, bool tradeSuspendedByUser = false)
    {
        var account = (accounts.User(userId) ?? throw new ArgumentException($"No sandbox user '{userId}'.", nameof(userId))).Account(environment);
        lock (account.Sync)
        {
            account.TradingBlocked = tradingBlocked;
            account.AccountBlocked = accountBlocked;
            account.TradeSuspendedByUser = tradeSuspendedByUser;
        }
    }

    /// <summary>
    /// Records a non-trade activity now (a deposit <c>CSD</c>, a dividend <c>DIV</c>, a fee <c>FEE</c>, a journal <c>JNLC</c>,
    /// a split <c>SPLIT</c>, …): <paramref name="netAmount"/> (signed) moves the account's cash. Returns its id.
    /// </summary>
    public string AddActivity(
        string userId, SandboxEnvironment environment, string activityType, decimal netAmount, string? subType = null,
        string? symbol = null, decimal? qty = null, decimal? perShareAmount = null, string description = "")
    {
        if (!ActivityTypes.Known.Contains(activityType) || activityType is "FILL" or "TRANS" or "MISC")
        {
            throw new ArgumentException($"'{activityType}' is not a non-trade activity type.", nameof(activityType));
        }

        var account = (accounts.User(userId) ?? throw new ArgumentException($"No sandbox user '{userId}'.", nameof(userId))).Account(environment);
        var now = time.GetUtcNow();
        var local = MarketCalendar.ToNewYork(now);
        var id = local.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture) + "::" + random.NextUuid();
        lock (account.Sync)
        {
            account.NonTradeActivities.Add(new SandboxNonTradeActivity(
                id, activityType, subType, DateOnly.FromDateTime(local.DateTime), now, netAmount, symbol, qty, perShareAmount, description));
            account.Cash += netAmount;
        }

        return id;
    }

    /// <summary>Back to the seeded state: balances, orders, positions, prices, tokens, codes, faults, limits,
    /// the log and the random source. Registered redirect URIs are configuration and stay.</summary>
    public void Reset()
    {
        faults.Clear();
        streams.ClearTraps();
        tokens.Reset();
        codes.Reset();
        streams.Drop();
        accounts.Reset();
        prices.Reset();
        rateLimiter.Reset();
        random.Reseed();
        log.Clear();
    }

    private SandboxAsset Asset(string symbol) =>
        assets.Find(symbol) ?? throw new ArgumentException($"Unknown symbol '{symbol}'.", nameof(symbol));
}
