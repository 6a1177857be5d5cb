using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>The upstream's hosts as configured (Alpaca's own by default).</summary>
internal sealed class ConfiguredUpstreamAddresses(IOptions<AlpacaOptions> options) : AlpacaUpstreamAddresses
{
    private AlpacaOptions Options => options.Value;

    public override Uri Trading(AlpacaEnvironment environment) =>
        environment == AlpacaEnvironment.Paper ? Options.TradingPaperBaseUrl : Options.TradingLiveBaseUrl;

    public override Uri TradeUpdates(AlpacaEnvironment environment) => environment switch
    {
        AlpacaEnvironment.Paper when Options.StreamPaperUrl is { } configured => configured,
        AlpacaEnvironment.Live when Options.StreamLiveUrl is { } configured => configured,
        _ => base.TradeUpdates(environment),
    };

    public override Uri MarketData => Options.DataBaseUrl;

    public override Uri TokenEndpoint => Options.TokenUrl;

    public override Uri AuthorizePage => Options.AuthorizeUrl;

    public override Uri RedirectUri => Options.RedirectUri
        ?? throw new InvalidOperationException("Alpaca:RedirectUri must be set in Alpaca mode.");
}
