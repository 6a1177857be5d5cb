using System.Diagnostics.Metrics;
using AlpacaConnect.Gql.Observability;

namespace AlpacaConnect.Gql.Notifications;

/// <summary>
/// Notifications sent, failed, retried and dropped, by channel and reason, and the lag from the event to the
/// provider's accept. Reasons are the providers' short codes (<c>Unregistered</c>, <c>QUOTA_EXCEEDED</c>, ...), a small set.
/// </summary>
internal sealed class NotificationMetrics
{
    private readonly Counter<long> _sent;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _dropped;
    private readonly Histogram<double> _lag;

    public NotificationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(AppMetrics.MeterName);
        _sent = meter.CreateCounter<long>("alpaca_connect.notifications.sent", "{notification}", "Notifications a provider or webhook receiver accepted.");
        _retried = meter.CreateCounter<long>("alpaca_connect.notifications.retried", "{notification}", "Attempts that failed and will be tried again, by reason.");
        _failed = meter.CreateCounter<long>("alpaca_connect.notifications.failed", "{notification}", "Notifications given up on (dead), by reason.");
        _dropped = meter.CreateCounter<long>("alpaca_connect.notifications.dropped", "{notification}", "Notifications not sent: device gone, channel not configured, or a dead token.");
        _lag = meter.CreateHistogram<double>("alpaca_connect.notifications.lag", "s", "From the event's commit to the provider's accept.");
    }

    public void Sent(NotificationChannel channel, TimeSpan lag)
    {
        _sent.Add(1, Tag(channel));
        _lag.Record(Math.Max(0, lag.TotalSeconds), Tag(channel));
    }

    public void Retried(NotificationChannel channel, string reason) => _retried.Add(1, Tag(channel), Reason(reason));

    public void Failed(NotificationChannel channel, string reason) => _failed.Add(1, Tag(channel), Reason(reason));

    public void Dropped(NotificationChannel channel, string reason) => _dropped.Add(1, Tag(channel), Reason(reason));

    private static KeyValuePair<string, object?> Tag(NotificationChannel channel) => new("channel", channel.ToString().ToLowerInvariant());

    /// <summary>The reason's first word, so a free-text reason cannot grow the label set.</summary>
    private static KeyValuePair<string, object?> Reason(string reason) =>
        new("reason", reason.Split([' ', ':'], 2)[0] is { Length: > 0 and <= 40 } word ? word : "other");
}
