using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Identity;
using AlpacaConnect.Gql.Persistence;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Observability.Logging;

/// <summary>
/// Hands the configured secrets to the redaction layer once options are final (after an embedded upstream has filled in
/// its own client secret), with those other parts declared as <see cref="ConfiguredSecret"/>. Not done when the logger factory is built: reading options there could log and so recurse.
/// </summary>
internal sealed class ConfiguredSecrets(
    KnownSecrets secrets, IOptions<AlpacaOptions> alpaca, IOptions<JwtOptions> jwt, IEnumerable<ConfiguredSecret> others, IConfiguration configuration)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        secrets.AddConfigured(alpaca.Value.ClientSecret);
        secrets.AddConfigured(jwt.Value.SigningKey);
        secrets.AddConfigured(configuration[$"{KeyRingOptions.Section}:{nameof(KeyRingOptions.CertificatePassword)}"]);
        foreach (var other in others)
        {
            secrets.AddConfigured(other.Read());
        }
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
