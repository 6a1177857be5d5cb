using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Alpaca;

/// <summary>
/// The first thing an operator should read in the start-up log: which broker this server trades with. Hosts only,
/// never paths, credentials or query strings. An upstream embedded in this process is announced by the composition
/// root instead.
/// </summary>
internal sealed partial class UpstreamAnnouncement(IOptions<AlpacaOptions> alpaca, ILogger<UpstreamAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = alpaca.Value;
        var hosts = Hosts(options);
        LogAlpaca(logger, hosts, options.AllowLive);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Hosts(AlpacaOptions options) => string.Join(", ",
        new[] { options.TradingPaperBaseUrl, options.TradingLiveBaseUrl, options.TokenUrl, options.AuthorizeUrl, options.DataBaseUrl }
            .Concat(new[] { options.StreamPaperUrl, options.StreamLiveUrl }.OfType<Uri>())
            .Select(uri => uri.GetLeftPart(UriPartial.Authority))
            .Distinct(StringComparer.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Information, Message = "Alpaca:Mode is Alpaca: upstream hosts {Hosts}; live accounts allowed: {AllowLive}.")]
    private static partial void LogAlpaca(ILogger logger, string hosts, bool allowLive);
}
