namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>A budget that some calls spend on top of the account's own; refuses with an <see cref="AlpacaRateLimitedException"/>.</summary>
internal interface IUpstreamAllowance
{
    /// <summary>Counts one call about to be sent, or throws when the allowance is spent (the call is then not sent).</summary>
    void Spend();

    /// <summary>
    /// Calls that optional work (reading an order's fill history) may still make now while the allowance keeps a reserve
    /// for the calls that must go (a handshake, the next list of orders).
    /// </summary>
    int Spare { get; }
}

/// <summary>
/// Charges the calls made below a piece of work to an allowance as well as to the account's budget: the stream supervisor
/// holds its reconciliations to its share of an account's calls this way (docs/decisions/0026-supervision-that-cannot-die-quietly.md).
/// It flows with the async context, so every call the work makes, however deep, is charged; the work itself knows nothing of it.
/// </summary>
internal static class UpstreamAllowance
{
    private static readonly AsyncLocal<IUpstreamAllowance?> Current = new();

    /// <summary>Runs <paramref name="work"/> with its calls charged to <paramref name="allowance"/>.</summary>
    public static async Task ChargedToAsync(IUpstreamAllowance allowance, Func<Task> work)
    {
        // Set inside this async method: the caller's context is restored when it returns.
        Current.Value = allowance;
        await work();
    }

    /// <summary>Called for every attempt by <see cref="AccountRateLimitHandler"/>.</summary>
    public static void Spend() => Current.Value?.Spend();

    /// <summary>The current allowance's <see cref="IUpstreamAllowance.Spare"/>; null when the work is charged to none.</summary>
    public static int? Spare => Current.Value?.Spare;
}
