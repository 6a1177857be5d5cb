namespace AlpacaConnect.Gql.Alpaca;

/// <summary>
/// The upstream (configuration section <c>Alpaca</c>). Base URLs come from here only, never from client input.
/// Sub-sections: <c>Alpaca:Resilience</c> (<see cref="AlpacaResilienceOptions"/>) and
/// <c>Alpaca:RateLimit</c> (<see cref="AlpacaRateLimitOptions"/>).
/// </summary>
internal sealed class AlpacaOptions
{
    public const string Section = "Alpaca";

    /// <summary>
    /// <c>Sandbox</c> serves and uses the embedded simulator; <c>Alpaca</c> calls Alpaca's hosts. <c>Sandbox</c> is the
    /// default in Development only: elsewhere the server refuses to start until the mode is set, and <c>Sandbox</c> also
    /// needs <c>Sandbox:AllowOutsideDevelopment</c>.
    /// </summary>
    public AlpacaMode Mode { get; set; } = AlpacaMode.Sandbox;

    /// <summary>OAuth client id of the app registered with Alpaca Connect. Required in <c>Alpaca</c> mode.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// OAuth client secret. A secret: set it through the <c>Alpaca__ClientSecret</c> environment variable or
    /// user-secrets, never in a committed file. Required in <c>Alpaca</c> mode.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The callback URI registered with Alpaca, sent byte for byte as <c>redirect_uri</c> (Alpaca requires an exact
    /// match). Required in <c>Alpaca</c> mode; in <c>Sandbox</c> mode it defaults to this server's own address
    /// plus <c>/auth/alpaca/callback</c>.
    /// </summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>
    /// Space-delimited scopes requested on the authorize page. Alpaca knows exactly <c>account:write</c>,
    /// <c>trading</c> and <c>data</c>; reading needs none.
    /// </summary>
    public string Scopes { get; set; } = "account:write trading data";

    /// <summary>Whether users may connect and trade live accounts (real money). Off by default, in every mode.</summary>
    public bool AllowLive { get; set; }

    /// <summary>
    /// Sandbox mode only: this server's origin as its own upstream, e.g. <c>http://127.0.0.1:5080</c>. When unset it is
    /// taken from the first address the server listens on.
    /// </summary>
    public Uri? SandboxBaseUrl { get; set; }

    /// <summary>Alpaca mode: Trading API host of paper accounts.</summary>
    public Uri TradingPaperBaseUrl { get; set; } = new("https://paper-api.alpaca.markets");

    /// <summary>Alpaca mode: Trading API host of live accounts.</summary>
    public Uri TradingLiveBaseUrl { get; set; } = new("https://api.alpaca.markets");

    /// <summary>
    /// Alpaca mode: the trade_updates WebSocket of paper accounts. Unset, it is the paper Trading API host's
    /// <c>/stream</c> (<c>wss://paper-api.alpaca.markets/stream</c>), so pointing the trading host elsewhere moves the stream too.
    /// </summary>
    public Uri? StreamPaperUrl { get; set; }

    /// <summary>Alpaca mode: the trade_updates WebSocket of live accounts; unset, the live Trading API host's <c>/stream</c>.</summary>
    public Uri? StreamLiveUrl { get; set; }

    /// <summary>Alpaca mode: the OAuth token endpoint (the same for paper and live).</summary>
    public Uri TokenUrl { get; set; } = new("https://api.alpaca.markets/oauth/token");

    /// <summary>Alpaca mode: the OAuth authorize page the user's browser is sent to.</summary>
    public Uri AuthorizeUrl { get; set; } = new("https://app.alpaca.markets/oauth/authorize");

    /// <summary>Alpaca mode: Market Data API host (the same for paper and live).</summary>
    public Uri DataBaseUrl { get; set; } = new("https://data.alpaca.markets");

    /// <summary>
    /// How long before its expiry an expiring access token is refreshed (only tokens that carry an expiry and a
    /// refresh token; Alpaca Connect's documented tokens have neither).
    /// </summary>
    public TimeSpan TokenRefreshSkew { get; set; } = TimeSpan.FromMinutes(2);
}
