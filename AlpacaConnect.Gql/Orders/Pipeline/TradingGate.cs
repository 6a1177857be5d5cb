using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Halts;
using AlpacaConnect.Gql.Rollout;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>
/// The launch controls' step of <see cref="OrderPipeline"/>, run once the account is known and before anything is read
/// from Alpaca, saved or sent: the rollout's cohort (<c>NOT_IN_ROLLOUT</c>), then the kill switch
/// (<c>TRADING_PAUSED</c>, for everyone, the user or the account). A replay runs it before a re-send, not before its
/// lookup: looking an earlier attempt up moves no money (decision 0024).
/// </summary>
internal sealed class TradingGate(RolloutGate rollout, TradingHalts halts)
{
    /// <summary>Why <paramref name="userId"/> may not move money on <paramref name="accountId"/> now; null when they may.</summary>
    public async Task<PayloadError?> RefusalAsync(string userId, string? accountId, CancellationToken cancellationToken) =>
        rollout.Refusal(userId)
        ?? (await halts.FindAsync(userId, accountId, cancellationToken) is { } halt ? new TradingPausedError(halt.Scope, halt.SetAt) : null);
}
