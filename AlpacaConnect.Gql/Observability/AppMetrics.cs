using System.Diagnostics;
using System.Diagnostics.Metrics;
using AlpacaConnect.Gql.Alpaca;

namespace AlpacaConnect.Gql.Observability;

/// <summary>
/// The product plan's success metrics and the server's own health signals, on one <see cref="Meter"/>. Labels are
/// low-cardinality words only: never a user, account, connection, order, token or symbol (cardinality and privacy).
/// </summary>
internal sealed class AppMetrics : IUpstreamMetrics
{
    public const string MeterName = "AlpacaConnect.Gql";

    private readonly Counter<long> _connectStarted;
    private readonly Counter<long> _connectCompleted;
    private readonly Counter<long> _connectFailed;
    private readonly Histogram<double> _connectDuration;
    private readonly Counter<long> _tokenRefreshes;
    private readonly Counter<long> _orderRequests;
    private readonly Counter<long> _upstreamRequests;
    private readonly Histogram<double> _upstreamDuration;
    private readonly UpDownCounter<long> _activeSubscriptions;
    private readonly Counter<long> _streamConnects;
    private readonly Counter<long> _streamReconnects;
    private readonly UpDownCounter<long> _streamsOpen;
    private readonly Counter<long> _logRedactions;
    private readonly Counter<long> _subscriptionResults;
    private readonly Counter<long> _eventLogReads;

    public AppMetrics(IMeterFactory meters, RateLimitHeadroom headroom)
    {
        var meter = meters.Create(MeterName);
        _connectStarted = meter.CreateCounter<long>("alpaca_connect.connect.started", "{flow}",
            "Connect flows started (authorize URLs handed out by connectAlpaca).");
        _connectCompleted = meter.CreateCounter<long>("alpaca_connect.connect.completed", "{flow}",
            "Connect flows completed (completeAlpacaConnection linked an account).");
        _connectFailed = meter.CreateCounter<long>("alpaca_connect.connect.failed", "{flow}",
            "Connect flows that ended without a link, by reason (an error code, INVALID_STATE or EXPIRED).");
        _connectDuration = meter.CreateHistogram("alpaca_connect.connect.duration", "s",
            "Time from connectAlpaca to completeAlpacaConnection of completed flows.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600] });
        _tokenRefreshes = meter.CreateCounter<long>("alpaca_connect.token.refreshes", "{refresh}",
            "Refreshes of expiring Alpaca tokens, by outcome (success, refused, failed).");
        _orderRequests = meter.CreateCounter<long>("alpaca_connect.orders.requests", "{request}",
            "placeOrder, replaceOrder and closePosition calls, by operation and outcome, with the first error's code on failure.");
        _upstreamRequests = meter.CreateCounter<long>("alpaca_connect.upstream.requests", "{request}",
            "Requests sent to Alpaca (each attempt), by API, method, route template and status (\"error\" when no answer came).");
        _upstreamDuration = meter.CreateHistogram("alpaca_connect.upstream.duration", "s",
            "Duration of requests sent to Alpaca (each attempt).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        meter.CreateObservableGauge("alpaca_connect.upstream.ratelimit.remaining", headroom.Observe, "{request}",
            "The smallest X-Ratelimit-Remaining among accounts whose rate-limit window has not reset, by API.");
        _activeSubscriptions = meter.CreateUpDownCounter<long>("alpaca_connect.graphql.subscriptions.active", "{subscription}",
            "GraphQL subscriptions running on this instance, by transport (websocket, sse).");
        _streamConnects = meter.CreateCounter<long>("alpaca_connect.stream.connects", "{connection}",
            "trade_updates streams opened and authenticated.");
        _streamReconnects = meter.CreateCounter<long>("alpaca_connect.stream.reconnects", "{reconnect}",
            "trade_updates streams reopened after a loss, by reason.");
        _streamsOpen = meter.CreateUpDownCounter<long>("alpaca_connect.stream.open", "{connection}",
            "trade_updates streams open and authenticated on this instance right now.");
        _subscriptionResults = meter.CreateCounter<long>("alpaca_connect.graphql.subscriptions.results", "{result}",
            "Subscription events answered, by how: executed (and serialized) or shared (another subscriber's identical result reused).");
        _eventLogReads = meter.CreateCounter<long>("alpaca_connect.event_log.reads", "{read}",
            "Reads of users' order event logs, by reader: tail (one per user and wake-up, shared by the user's subscribers), catch_up (a subscriber resuming from an earlier position) or page (orderEvents).");
        _logRedactions = meter.CreateCounter<long>("alpaca_connect.log.redactions", "{entry}",
            "Log entries in which the redaction layer masked a secret, by logger category.");
        Headroom = headroom;
    }

    public RateLimitHeadroom Headroom { get; }

    public void ConnectStarted(AlpacaEnvironment environment) => _connectStarted.Add(1, Environment(environment));

    public void ConnectCompleted(AlpacaEnvironment environment, TimeSpan sinceStart)
    {
        _connectCompleted.Add(1, Environment(environment));
        _connectDuration.Record(Math.Max(0, sinceStart.TotalSeconds), Environment(environment));
    }

    /// <summary><paramref name="reason"/> is an error code or another fixed word, never free text.</summary>
    public void ConnectFailed(string reason, int flows = 1)
    {
        if (flows > 0)
        {
            _connectFailed.Add(flows, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    public void TokenRefreshed(string outcome) => _tokenRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>One call of an order mutation: a success when <paramref name="firstErrorCode"/> is null, else a failure with that code.</summary>
    public void OrderRequest(string operation, string? firstErrorCode)
    {
        var tags = new TagList { { "operation", operation }, { "outcome", firstErrorCode is null ? "success" : "failure" } };
        if (firstErrorCode is not null)
        {
            tags.Add("code", firstErrorCode);
        }

        _orderRequests.Add(1, tags);
    }

    public void UpstreamRequest(string api, string method, string route, int? status, TimeSpan duration)
    {
        var tags = new TagList
        {
            { "api", api },
            { "method", method },
            { "route", route },
            { "status", status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "error" },
        };
        _upstreamRequests.Add(1, tags);
        _upstreamDuration.Record(duration.TotalSeconds, tags);
    }

    public void RateLimitRemaining(string api, Guid connectionId, int remaining, DateTimeOffset? resetsAt) =>
        Headroom.Record(api, connectionId, remaining, resetsAt);

    /// <summary>A subscription's stream opened, on <paramref name="transport"/> (<c>websocket</c> or <c>sse</c>).</summary>
    public void SubscriptionStarted(string transport) => _activeSubscriptions.Add(1, Transport(transport));

    public void SubscriptionEnded(string transport) => _activeSubscriptions.Add(-1, Transport(transport));

    /// <summary>For the trade_updates supervisor: a stream is open and authenticated.</summary>
    public void StreamConnected() => _streamConnects.Add(1);

    /// <summary>For the trade_updates supervisor: a stream is held open until the returned handle is disposed.</summary>
    public IDisposable StreamHeld()
    {
        _streamsOpen.Add(1);
        return new StreamRelease(_streamsOpen);
    }

    /// <summary>For the trade_updates supervisor: a lost stream is being reopened. <paramref name="reason"/> is a fixed word (e.g. <c>dropped</c>, <c>auth_failed</c>).</summary>
    public void StreamReconnected(string reason) => _streamReconnects.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>A subscription event was answered; <paramref name="shared"/> when another subscriber's result was reused.</summary>
    public void SubscriptionResult(bool shared) =>
        _subscriptionResults.Add(1, new KeyValuePair<string, object?>("outcome", shared ? "shared" : "executed"));

    /// <summary>A user's event log was read by <paramref name="reader"/> (<c>tail</c>, <c>catch_up</c> or <c>page</c>).</summary>
    public void EventLogRead(string reader) => _eventLogReads.Add(1, new KeyValuePair<string, object?>("reader", reader));

    public void LogRedacted(string category) => _logRedactions.Add(1, new KeyValuePair<string, object?>("category", category));

    private static KeyValuePair<string, object?> Environment(AlpacaEnvironment environment) =>
        new("environment", environment == AlpacaEnvironment.Live ? "live" : "paper");

    private static KeyValuePair<string, object?> Transport(string transport) => new("transport", transport);

    private sealed class StreamRelease(UpDownCounter<long> open) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                open.Add(-1);
            }
        }
    }
}
