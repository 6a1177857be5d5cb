using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Identity;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Observability.Logging;

/// <summary>
/// Hands the configured secrets to the redaction layer once options are final (after the sandbox has filled in its own
/// client secret). Not done when the logger factory is built: reading options there could log and so recurse.
/// </summary>
internal sealed class ConfiguredSecrets(KnownSecrets secrets, IOptions<AlpacaOptions> alpaca, IOptions<JwtOptions> jwt) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        secrets.AddConfigured(alpaca.Value.ClientSecret);
        secrets.AddConfigured(jwt.Value.SigningKey);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
