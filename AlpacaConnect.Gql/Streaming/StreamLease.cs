namespace AlpacaConnect.Gql.Streaming;

/// <summary>
/// Which server instance holds an account's trade_updates socket, until when. Alpaca allows one stream per credential
/// (checklist T-ST-03), so of several instances exactly one may hold it; another takes over once the lease expires.
/// </summary>
internal sealed class StreamLease
{
    public Guid ConnectionId { get; init; }

    public required string Owner { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
