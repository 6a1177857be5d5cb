namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>
/// Where the upstream lives: all the Alpaca client knows of it. <see cref="ConfiguredUpstreamAddresses"/> reads the hosts
/// from configuration; the composition root puts the addresses of an upstream it embeds (the simulator) in their place.
/// </summary>
internal abstract class AlpacaUpstreamAddresses
{
    public abstract Uri Trading(AlpacaEnvironment environment);

    /// <summary>The trade_updates WebSocket: the environment's Trading API host's <c>/stream</c>.</summary>
    public virtual Uri TradeUpdates(AlpacaEnvironment environment) =>
        WebSocketOf(new Uri(Trading(environment).AbsoluteUri.TrimEnd('/') + "/stream"));

    public abstract Uri MarketData { get; }

    public abstract Uri TokenEndpoint { get; }

    public abstract Uri AuthorizePage { get; }

    /// <summary>The callback URI sent as <c>redirect_uri</c>, byte for byte.</summary>
    public abstract Uri RedirectUri { get; }

    private static Uri WebSocketOf(Uri http) =>
        new UriBuilder(http) { Scheme = http.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : Uri.UriSchemeWs }.Uri;
}
