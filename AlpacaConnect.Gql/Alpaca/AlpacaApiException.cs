using System.Net;

namespace AlpacaConnect.Gql.Alpaca;

/// <summary>
/// A failed call to Alpaca. Messages never carry tokens, client secrets or authorization codes; Alpaca's own
/// message is included (shortened) because it explains rejections such as "insufficient buying power".
/// It carries Alpaca's facts only; the API's error code for it is decided outside this boundary
/// (<c>GraphQL/Errors/UpstreamErrorCodes</c>).
/// </summary>
internal class AlpacaApiException : Exception
{
    public AlpacaApiException(AlpacaErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public AlpacaErrorKind Kind { get; }

    /// <summary>Alpaca's HTTP status, when it answered at all.</summary>
    public HttpStatusCode? StatusCode { get; internal set; }

    /// <summary>Alpaca's 8-digit error code (e.g. 40310000), absent from some bodies such as <c>{"message":"forbidden."}</c>.</summary>
    public int? AlpacaCode { get; internal set; }

    /// <summary>Alpaca's own <c>message</c>, shortened.</summary>
    public string? UpstreamMessage { get; internal set; }

    /// <summary>
    /// The request may have taken effect although it failed (timeout, 5xx or broken connection on a POST, PATCH or
    /// DELETE). After an ambiguous order submission look the order up by its <c>client_order_id</c>; never post it
    /// again blindly.
    /// </summary>
    public bool IsAmbiguous { get; internal set; }

    /// <summary>
    /// The OAuth scope the token lacks, when Alpaca refused the call for a scope (401 "not authorized for this scope",
    /// <c>AlpacaErrorBody.IsScopeRefusal</c>) and the caller knows which scope the endpoint needs (e.g. <c>data</c>).
    /// </summary>
    public string? MissingScope { get; internal set; }

    /// <summary>Alpaca refused the token for a scope it lacks rather than for being dead (see <see cref="MissingScope"/>).</summary>
    public bool IsScopeRefusal => Kind == AlpacaErrorKind.Rejected && StatusCode == HttpStatusCode.Unauthorized;

    /// <summary>When to try again, for rate-limited calls (from <c>X-Ratelimit-Reset</c> or our own budget).</summary>
    public TimeSpan? RetryAfter { get; internal set; }

    /// <summary>
    /// 403 with 40310000 also covers "insufficient qty available" and options-level refusals (facts 3.2); only the
    /// buying-power message is the user's money running short.
    /// </summary>
    public bool IsInsufficientBuyingPower =>
        StatusCode == HttpStatusCode.Forbidden && AlpacaCode == 40310000
        && UpstreamMessage?.Contains("buying power", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Alpaca's answer to a reused <c>client_order_id</c> (facts 2.2; status unverified, so any 4xx with the message):
    /// the order was placed before, by an earlier attempt.
    /// </summary>
    public bool IsDuplicateClientOrderId =>
        Kind == AlpacaErrorKind.Rejected
        && UpstreamMessage?.Contains("client_order_id must be unique", StringComparison.OrdinalIgnoreCase) == true;
}
