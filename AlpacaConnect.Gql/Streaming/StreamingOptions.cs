using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Streaming;

/// <summary>How order updates are followed (section <c>Streaming</c>).</summary>
internal sealed class StreamingOptions
{
    public const string Section = "Streaming";

    /// <summary>
    /// <c>Stream</c> (default): hold Alpaca's trade_updates socket per account that needs one, reconcile over REST after
    /// every (re)connect and poll while it is down. <c>Poll</c>: REST only, every <see cref="PollInterval"/>.
    /// <c>Off</c>: statuses change only when the API is used.
    /// </summary>
    public StreamingMode Mode { get; set; } = StreamingMode.Stream;

    /// <summary>The first wait before reconnecting; doubled per failed attempt up to <see cref="ReconnectMaxDelay"/>, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A socket must stay up this long before the backoff starts again from <see cref="ReconnectInitialDelay"/>; one
    /// dropped sooner (accepted, then closed at once) keeps doubling the wait.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ReconnectResetAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A reconciliation asked for within this of the last one's start runs once this has passed instead of at once:
    /// a dropped socket's reconciliation and the reconnect's right after it become one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ReconcileMinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The most upstream calls an account's stream may make in any minute: its handshakes and its reconciliations'
    /// calls together; a call beyond is not sent (and retried later). The default, 40, is a fifth of Alpaca's 200 a
    /// minute, so at least 150 of the client's 190 always stay for the user's own calls, however the socket behaves.
    /// </summary>
    [Range(1, 190)]
    public int RequestBudget { get; set; } = 40;

    /// <summary>
    /// While a stream is held: how often it is checked for demand (open orders or subscribers; none closes it) and a
    /// REST reconciliation runs as a safety net against a stream that stalls silently. Also the interval of <c>Poll</c>, and
    /// how often the supervisor rescans for accounts that need a stream and have no worker.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long an instance's hold on an account's stream lasts without renewal (renewed every third of it). When an
    /// instance dies, another takes the stream over after at most this long, and reconciles the gap.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.300", "00:10:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An update for an order we cannot match while one of ours waits for its Alpaca ids (a closing order in flight)
    /// triggers a reconciliation this much later.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan UnmatchedReconcileDelay { get; set; } = TimeSpan.FromSeconds(2);
}

internal enum StreamingMode
{
    Stream,
    Poll,
    Off,
}
