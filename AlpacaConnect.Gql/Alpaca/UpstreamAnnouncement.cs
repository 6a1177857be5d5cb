using AlpacaConnect.Gql.Sandbox;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Alpaca;

/// <summary>
/// The first thing an operator should read in the start-up log: which broker this server trades with. Hosts only,
/// never paths, credentials or query strings.
/// </summary>
internal sealed partial class UpstreamAnnouncement(
    IOptions<AlpacaOptions> alpaca, IOptions<SandboxOptions> sandbox, IHostEnvironment environment, ILogger<UpstreamAnnouncement> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = alpaca.Value;
        if (options.Mode == AlpacaMode.Alpaca)
        {
            var hosts = Hosts(options);
            LogAlpaca(logger, hosts, options.AllowLive);
        }
        else if (environment.IsDevelopment())
        {
            LogSandbox(logger);
        }
        else
        {
            var control = string.IsNullOrEmpty(sandbox.Value.ControlSecret) ? "closed (no Sandbox:ControlSecret)" : "behind Sandbox:ControlSecret";
            LogSandboxOutsideDevelopment(logger, environment.EnvironmentName, control);
        }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Alpaca:Mode is Sandbox: the upstream is the embedded simulator under /sandbox on this server.")]
    private static partial void LogSandbox(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca:Mode is Sandbox in {Environment} (Sandbox:AllowOutsideDevelopment): orders go to the embedded simulator under /sandbox on this server, never to Alpaca. Control endpoints: {Control}.")]
    private static partial void LogSandboxOutsideDevelopment(ILogger logger, string environment, string control);
}
