using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Halts;
using AlpacaConnect.Gql.Orders;

namespace AlpacaConnect.Gql.Operators;

/// <summary>What an operator sees of one app user. Tokens are never part of it.</summary>
internal sealed record OperatorUserView(
    string UserId, bool InRollout, IReadOnlyList<HaltView> Halts, OperatorConnectionView? Connection, IReadOnlyList<OperatorOrderView> Orders);

internal sealed record OperatorConnectionView(
    Guid Id, string Status, string Environment, string? AccountId, string? AccountNumber, string? AccountStatus, string Scopes,
    DateTimeOffset ConnectedAt, DateTimeOffset? TokenExpiresAt, DateTimeOffset UpdatedAt)
{
    public static OperatorConnectionView From(AlpacaConnection c) => new(
        c.Id, c.Status.ToString(), c.Environment.ToString(), c.AccountId, c.AccountNumber, c.AccountStatus, c.Scopes, c.ConnectedAt, c.TokenExpiresAt, c.UpdatedAt);
}

internal sealed record OperatorOrderView(
    Guid Id, string UserId, string ClientOrderId, Guid? AlpacaOrderId, string? AlpacaAccountId, string Environment, string Command, string Symbol,
    string Side, string Type, decimal? Qty, decimal? Notional, decimal? LimitPrice, string Status, decimal FilledQty, string? RejectionCode,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<OperatorOrderEventView> Events)
{
    public static OperatorOrderView From(Order o, IReadOnlyList<OperatorOrderEventView> events) => new(
        o.Id, o.UserId, o.ClientOrderId, o.AlpacaOrderId, o.AlpacaAccountId, o.Environment.ToString(), o.Command.ToString(), o.Symbol,
        o.Side.ToString(), o.Type.ToString(), o.Qty, o.Notional, o.LimitPrice, o.Status.ToString(), o.FilledQty, o.RejectionCode,
        o.CreatedAt, o.UpdatedAt, events);
}

internal sealed record OperatorOrderEventView(long Id, string Kind, string Status, string Source, DateTimeOffset OccurredAt)
{
    public static OperatorOrderEventView From(OrderEvent e) => new(e.Id, e.Kind.ToString(), e.Status.ToString(), e.Source, e.OccurredAt);
}

internal sealed record HaltView(string Scope, string Target, string Reason, string SetBy, DateTimeOffset SetAt)
{
    public static HaltView From(TradingHalt h) => new(h.Scope.ToString().ToUpperInvariant(), h.Target, h.Reason, h.SetBy, h.SetAt);
}

/// <summary>What an action did (the audit row's outcome), with what it acted on as it is now.</summary>
internal sealed record OperatorActionResult<T>(string Outcome, T? Subject);

/// <summary>The body of every operator action: why (required).</summary>
internal sealed record OperatorActionRequest(string? Reason);

/// <summary>The body of a kill-switch change: <c>ALL</c>, <c>USER</c> (target: an app user id) or <c>ACCOUNT</c> (target: an Alpaca account id).</summary>
internal sealed record HaltRequest(string? Scope, string? Target, string? Reason);
