namespace AlpacaConnect.Sandbox.Activities;

/// <summary>
/// One execution as Alpaca's FILL account activity tells it (facts-more 2): its own price and quantity, the order's
/// running total after it, and what was left. Recorded by the matching engine, never changed afterwards.
/// </summary>
public sealed record SandboxFillActivity(
    string Id, Guid ExecutionId, DateTimeOffset TransactionTime, bool Completes, decimal Price, decimal Qty, decimal CumQty,
    decimal LeavesQty, string Side, string Symbol, Guid OrderId, string OrderStatus);
