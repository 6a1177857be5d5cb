using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Guardrails;

/// <summary>What is being ordered, as far as the guardrails care.</summary>
public sealed record GuardrailOrder(
    string Symbol,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    decimal? Quantity,
    decimal? Notional,
    decimal? LimitPrice,
    decimal? StopPrice,
    AlpacaEnvironment Environment);

/// <summary>What the world looks like for the order: read by the caller (the guardrails do no I/O).</summary>
public sealed record GuardrailContext(
    bool TradingBlocked,
    bool AccountBlocked,
    bool TradeSuspendedByUser,
    bool MarketOpen,
    decimal? Bid,
    decimal? Ask,
    int OrdersToday,
    decimal NotionalToday);

/// <summary>A refused order: which rule, what limit, what was asked.</summary>
public sealed record GuardrailViolation(string Rule, string Message, string? Limit = null, string? Actual = null);
