using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Identity;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Sandbox;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Observability.Logging;

/// <summary>
/// Hands the configured secrets to the redaction layer once options are final (after the sandbox has filled in its own
/// client secret). Not done when the logger factory is built: reading options there could log and so recurse.
/// </summary>
internal sealed class ConfiguredSecrets(
    KnownSecrets secrets, IOptions<AlpacaOptions> alpaca, IOptions<JwtOptions> jwt, IOptions<SandboxOptions> sandbox, IConfiguration configuration)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        secrets.AddConfigured(alpaca.Value.ClientSecret);
        secrets.AddConfigured(jwt.Value.SigningKey);
        secrets.AddConfigured(sandbox.Value.ControlSecret);
        secrets.AddConfigured(configuration[$"{KeyRingOptions.Section}:{nameof(KeyRingOptions.CertificatePassword)}"]);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
