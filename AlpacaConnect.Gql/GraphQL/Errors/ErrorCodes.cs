namespace AlpacaConnect.Gql.GraphQL.Errors;

/// <summary>
/// The one list of error codes this API uses, in <c>extensions.code</c> of top-level errors and in
/// <c>code</c> of typed payload errors. Clients switch on these; never rename one.
/// </summary>
internal static class ErrorCodes
{
    // Request-level (transport, validation, limits).
    public const string BadRequest = "BAD_REQUEST";
    public const string BatchingNotSupported = "BATCHING_NOT_SUPPORTED";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string SyntaxError = "SYNTAX_ERROR";
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string ExecutionTimeout = "EXECUTION_TIMEOUT";
    public const string SubscriptionLimitExceeded = "SUBSCRIPTION_LIMIT_EXCEEDED";
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
    public const string ConnectionLimitExceeded = "CONNECTION_LIMIT_EXCEEDED";

    // Trusted documents (persisted operations); Apollo's codes, which its clients act on.
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";
    public const string PersistedQueryIdRequired = "PERSISTED_QUERY_ID_REQUIRED";

    // Identity.
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";

    // Input and domain.
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string NotFound = "NOT_FOUND";

    // Upstream (Alpaca).
    public const string ReauthRequired = "REAUTH_REQUIRED";
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>The connection's grant lacks the OAuth scope the call needs; <c>extensions.scope</c> names it when known. Connect again granting it.</summary>
    public const string ScopeMissing = "SCOPE_MISSING";
    public const string AlpacaRejected = "ALPACA_REJECTED";
    public const string InsufficientBuyingPower = "INSUFFICIENT_BUYING_POWER";
    public const string BrokerRejected = "BROKER_REJECTED";
    public const string OrderInvalid = "ORDER_INVALID";
    public const string UpstreamUnavailable = "UPSTREAM_UNAVAILABLE";
    public const string UpstreamTimeout = "UPSTREAM_TIMEOUT";

    // Connections.
    public const string ReturnToNotAllowed = "RETURN_TO_NOT_ALLOWED";
    public const string LiveTradingNotAllowed = "LIVE_TRADING_NOT_ALLOWED";
    public const string InvalidCompletionCode = "INVALID_COMPLETION_CODE";
    public const string AccountAlreadyLinked = "ACCOUNT_ALREADY_LINKED";
    public const string NotConnected = "NOT_CONNECTED";
    public const string AccessDenied = "ACCESS_DENIED";
    public const string OAuthCodeInvalid = "OAUTH_CODE_INVALID";
    public const string TokenExchangeFailed = "TOKEN_EXCHANGE_FAILED";
    public const string TooManyPendingConnects = "TOO_MANY_PENDING_CONNECTS";

    // Orders.
    public const string GuardrailViolation = "GUARDRAIL_VIOLATION";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string OrderStateUnknown = "ORDER_STATE_UNKNOWN";
    public const string OrderNotCancelable = "ORDER_NOT_CANCELABLE";
    public const string OrderNotReplaceable = "ORDER_NOT_REPLACEABLE";
    public const string PositionNotFound = "POSITION_NOT_FOUND";
    public const string AssetClassNotAllowed = "ASSET_CLASS_NOT_ALLOWED";
    public const string AccountChanged = "ACCOUNT_CHANGED";
    public const string OrderIntentExpired = "ORDER_INTENT_EXPIRED";

    // Watchlists.
    public const string WatchlistNameTaken = "WATCHLIST_NAME_TAKEN";

    // Launch controls: the rollout's cohort and the operators' kill switch.
    public const string NotInRollout = "NOT_IN_ROLLOUT";
    public const string TradingPaused = "TRADING_PAUSED";

    // Anything unexpected. Details only in Development.
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    /// <summary>Every code above, in declaration order; the GraphQL <c>ErrorCode</c> enum is built from it.</summary>
    public static IReadOnlyList<string> All { get; } =
        typeof(ErrorCodes).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
}
