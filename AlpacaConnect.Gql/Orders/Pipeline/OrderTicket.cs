using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>The order a command would send, as the asset rules and the guardrails judge it.</summary>
internal sealed record OrderTicket(
    string Symbol,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    decimal? Qty,
    decimal? Notional,
    decimal? LimitPrice,
    decimal? StopPrice,
    bool ExtendedHours = false,
    OrderClass OrderClass = OrderClass.Simple);
