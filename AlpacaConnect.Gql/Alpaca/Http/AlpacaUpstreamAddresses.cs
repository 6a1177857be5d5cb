using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>Where each upstream lives, by mode: Alpaca's hosts from configuration, or the embedded sandbox's paths.</summary>
internal sealed class AlpacaUpstreamAddresses(IOptions<AlpacaOptions> options, OwnServerAddress ownServer)
{
    private AlpacaOptions Options => options.Value;

    private bool IsSandbox => Options.Mode == AlpacaMode.Sandbox;

    public Uri Trading(AlpacaEnvironment environment) => (IsSandbox, environment) switch
    {
        (true, AlpacaEnvironment.Paper) => Sandbox("/sandbox/paper"),
        (true, _) => Sandbox("/sandbox/live"),
        (false, AlpacaEnvironment.Paper) => Options.TradingPaperBaseUrl,
        (false, _) => Options.TradingLiveBaseUrl,
    };

    /// <summary>The trade_updates WebSocket of the environment's Trading API host.</summary>
    public Uri TradeUpdates(AlpacaEnvironment environment) => (IsSandbox, environment) switch
    {
        (false, AlpacaEnvironment.Paper) when Options.StreamPaperUrl is { } configured => configured,
        (false, AlpacaEnvironment.Live) when Options.StreamLiveUrl is { } configured => configured,
        _ => WebSocketOf(new Uri(Trading(environment).AbsoluteUri.TrimEnd('/') + "/stream")),
    };

    public Uri MarketData => IsSandbox ? Sandbox("/sandbox/data") : Options.DataBaseUrl;

    public Uri TokenEndpoint => IsSandbox ? Sandbox("/sandbox/oauth/token") : Options.TokenUrl;

    public Uri AuthorizePage => IsSandbox ? Sandbox("/sandbox/oauth/authorize") : Options.AuthorizeUrl;

    /// <summary>The configured callback URI; in Sandbox mode it defaults to this server's own callback endpoint.</summary>
    public Uri RedirectUri => Options.RedirectUri
        ?? (IsSandbox
            ? Sandbox("/auth/alpaca/callback")
            : throw new InvalidOperationException("Alpaca:RedirectUri must be set in Alpaca mode."));

    private static Uri WebSocketOf(Uri http) =>
        new UriBuilder(http) { Scheme = http.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : Uri.UriSchemeWs }.Uri;

    private Uri Sandbox(string path) => new(ownServer.Origin.AbsoluteUri.TrimEnd('/') + path);
}
