using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Guardrails;
using AlpacaConnect.Gql.Trading.Assets;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>
/// What <see cref="OrderPipeline"/>'s checks found for one command, up to the step before anything is reserved, saved
/// or sent: what was read, every verdict, and the errors that stop it (none when it would go on). <c>placeOrder</c>
/// goes on from it; <c>previewOrder</c> shows it.
/// </summary>
internal sealed record OrderAssessment(IReadOnlyList<PayloadError> Refused)
{
    public BoundConnection? Connection { get; init; }

    public IAlpacaTradingClient? Client { get; init; }

    public TradableAsset? Asset { get; init; }

    public GuardrailContext? Context { get; init; }

    public IReadOnlyList<AssetVerdict> AssetChecks { get; init; } = [];

    public IReadOnlyList<GuardrailVerdict> Guardrails { get; init; } = [];

    /// <summary>What the order reserves of the daily value (0 for a close, which reduces exposure).</summary>
    public decimal Estimate { get; init; }

    /// <summary>The order's estimated value in USD, when it can be valued.</summary>
    public decimal? Value { get; init; }

    /// <summary>The price it is valued at: its own limit or stop price, or the quote's side it would take.</summary>
    public decimal? Price { get; init; }
}
