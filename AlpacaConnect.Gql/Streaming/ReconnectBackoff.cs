namespace AlpacaConnect.Gql.Streaming;

/// <summary>How long a worker waits before reopening a lost stream: exponential from the initial delay up to the maximum.</summary>
internal static class ReconnectBackoff
{
    public static TimeSpan Delay(int attempt, StreamingOptions options)
    {
        var ceiling = Math.Min(
            options.ReconnectMaxDelay.TotalMilliseconds,
            options.ReconnectInitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20)));
        // Jitter spreads the reconnects of many accounts after a shared outage.
#pragma warning disable CA5394 // Not security-sensitive.
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
#pragma warning restore CA5394
    }
}
