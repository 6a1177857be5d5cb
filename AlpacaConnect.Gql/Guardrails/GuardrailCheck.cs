using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Guardrails;

/// <summary>What is being ordered, as far as the guardrails care.</summary>
internal sealed record GuardrailOrder(
    string Symbol,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    decimal? Quantity,
    decimal? Notional,
    decimal? LimitPrice,
    decimal? StopPrice,
    AlpacaEnvironment Environment)
{
    /// <summary>Cash per unit of quantity per unit of price: 1, or an option contract's multiplier (more-facts 3.4).</summary>
    public decimal Multiplier { get; init; } = 1m;

    /// <summary>Crypto trades around the clock: the market-hours rule does not apply to it.</summary>
    public bool TradesAroundTheClock { get; init; }

    /// <summary>Closing a position: only the account, live-trading, hours and daily-count rules apply (it reduces exposure).</summary>
    public bool Closing { get; init; }
}

/// <summary>What the world looks like for the order: read by the caller (the guardrails do no I/O).</summary>
internal sealed record GuardrailContext(
    bool TradingBlocked,
    bool AccountBlocked,
    bool TradeSuspendedByUser,
    bool MarketOpen,
    decimal? Bid,
    decimal? Ask,
    int OrdersToday,
    decimal NotionalToday)
{
    /// <summary>The buying power that applies to the asset's class, as last read (no rule of ours refuses by it: Alpaca does).</summary>
    public decimal? BuyingPower { get; init; }
}

/// <summary>A refused order: which rule, what limit, what was asked.</summary>
internal sealed record GuardrailViolation(string Rule, string Message, string? Limit = null, string? Actual = null);

/// <summary>One rule's verdict on an order: passed or not, with its limit and what the order reaches.</summary>
internal sealed record GuardrailVerdict(string Rule, bool Passed, string Message, string? Limit = null, string? Actual = null);
