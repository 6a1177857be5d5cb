using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>
/// Hands the token handler a usable token per connection. An expiring token is refreshed ahead of time once for all
/// concurrent callers of that connection (single flight), and a 401 marks the connection once. Singleton; the
/// credential store is resolved on first use because the Connections feature registers it.
/// </summary>
internal sealed partial class AlpacaTokenProvider(
    IServiceProvider services, IOptions<AlpacaOptions> options, TimeProvider time, IUpstreamMetrics metrics, ILogger<AlpacaTokenProvider> logger)
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<AlpacaCredential>> _refreshes = new();

    private IAlpacaCredentialStore Store => services.GetService<IAlpacaCredentialStore>()
        ?? throw new InvalidOperationException("No IAlpacaCredentialStore is registered; the Connections feature provides it.");

    public async Task<AlpacaCredential> GetAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        var credential = await Store.GetAsync(connectionId, cancellationToken) ?? throw NoCredential();
        return NeedsRefresh(credential) ? await JoinRefresh(connectionId).WaitAsync(cancellationToken) : credential;
    }

    /// <summary>Alpaca refused the token: the user must connect again. Never retried anywhere.</summary>
    public async Task OnUnauthorizedAsync(Guid connectionId, string refusedAccessToken)
    {
        // Recorded even if the caller has given up: the next caller must not hit Alpaca with a dead token.
        if (await Store.MarkReauthRequiredAsync(connectionId, refusedAccessToken, CancellationToken.None))
        {
            LogReauthRequired(logger, connectionId);
        }
    }

    private bool NeedsRefresh(AlpacaCredential credential) =>
        credential is { RefreshToken: not null, ExpiresAt: { } expiresAt }
        && time.GetUtcNow() >= expiresAt - options.Value.TokenRefreshSkew;

    private Task<AlpacaCredential> JoinRefresh(Guid connectionId)
    {
        while (true)
        {
            if (_refreshes.TryGetValue(connectionId, out var running))
            {
                return running.Task;
            }

            var flight = new TaskCompletionSource<AlpacaCredential>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_refreshes.TryAdd(connectionId, flight))
            {
                _ = FlyAsync(connectionId, flight);
                return flight.Task;
            }
        }
    }

    private async Task FlyAsync(Guid connectionId, TaskCompletionSource<AlpacaCredential> flight)
    {
        try
        {
            flight.SetResult(await RefreshAsync(connectionId));
        }
        catch (Exception e)
        {
            flight.SetException(e);
        }
        finally
        {
            _refreshes.TryRemove(new KeyValuePair<Guid, TaskCompletionSource<AlpacaCredential>>(connectionId, flight));
        }
    }

    // Shared by every waiting caller, so no single caller's cancellation may abort it.
    private async Task<AlpacaCredential> RefreshAsync(Guid connectionId)
    {
        // One refresh at a time across instances; read again once it is ours: an earlier flight, here or on another
        // instance, may have refreshed it already.
        await using var held = await Store.HoldRefreshAsync(connectionId, CancellationToken.None);
        var current = await Store.GetAsync(connectionId, CancellationToken.None) ?? throw NoCredential();
        if (!NeedsRefresh(current))
        {
            return current;
        }

        try
        {
            using var scope = services.CreateScope();
            var oauth = scope.ServiceProvider.GetRequiredService<IAlpacaOAuthClient>();
            var tokens = await oauth.RefreshAsync(current.RefreshToken!, CancellationToken.None);
            tokens = tokens with { RefreshToken = tokens.RefreshToken ?? current.RefreshToken };
            await Store.SaveRefreshedAsync(connectionId, tokens, CancellationToken.None);
            LogRefreshed(logger, connectionId);
            metrics.TokenRefreshed("success");
            return new AlpacaCredential(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt);
        }
        catch (AlpacaApiException e) when (e.Kind is AlpacaErrorKind.Rejected or AlpacaErrorKind.NotFound)
        {
            LogRefreshRefused(logger, connectionId, e.StatusCode, e.AlpacaCode);
            metrics.TokenRefreshed("refused");
            await OnUnauthorizedAsync(connectionId, current.AccessToken);
            throw new AlpacaReauthRequiredException("Alpaca refused to refresh the connection's token; the user must connect again.", e);
        }
        catch (AlpacaApiException e) when (time.GetUtcNow() < current.ExpiresAt)
        {
            // Alpaca's token endpoint is failing but the token still works for a while: use it, refresh later.
            LogRefreshDeferred(logger, connectionId, e.Kind);
            metrics.TokenRefreshed("failed");
            return current;
        }
    }

    private static AlpacaReauthRequiredException NoCredential() =>
        new("The connection has no usable Alpaca token; the user must connect again.");

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Alpaca refused the token of connection {ConnectionId}; marked REAUTH_REQUIRED")]
    private static partial void LogReauthRequired(ILogger logger, Guid connectionId);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Refreshed the Alpaca token of connection {ConnectionId}")]
    private static partial void LogRefreshed(ILogger logger, Guid connectionId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Alpaca refused to refresh the token of connection {ConnectionId} (HTTP {Status}, code {AlpacaCode})")]
    private static partial void LogRefreshRefused(ILogger logger, Guid connectionId, System.Net.HttpStatusCode? status, int? alpacaCode);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Could not refresh the Alpaca token of connection {ConnectionId} ({Kind}); using the current one until it expires")]
    private static partial void LogRefreshDeferred(ILogger logger, Guid connectionId, AlpacaErrorKind kind);
}
