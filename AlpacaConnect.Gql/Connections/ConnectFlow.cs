using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Observability;
using AlpacaConnect.Gql.Observability.Logging;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Rollout;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Connections;

/// <summary>Step 1 of connecting: a single-use, hashed, ten-minute OAuth state and Alpaca's authorize URL.</summary>
internal sealed class ConnectFlow(
    IDbContextFactory<AppDbContext> databases,
    IAlpacaOAuthClient oauth,
    ReturnToPolicy returnTo,
    IOptions<ConnectionsOptions> options,
    IOptions<AlpacaOptions> alpaca,
    TimeProvider time,
    AppMetrics metrics,
    KnownSecrets secrets,
    RolloutGate rollout)
{
    public async Task<ConnectAlpacaPayload> StartAsync(string userId, AlpacaEnvironment environment, string returnToUri, CancellationToken cancellationToken)
    {
        if (rollout.Refusal(userId) is { } outside)
        {
            return ConnectAlpacaPayload.Failed(outside);
        }

        if (environment == AlpacaEnvironment.Live && !alpaca.Value.AllowLive)
        {
            return ConnectAlpacaPayload.Failed(new LiveTradingNotAllowedError());
        }

        if (!returnTo.IsAllowed(returnToUri))
        {
            return ConnectAlpacaPayload.Failed(new ReturnToNotAllowedError(returnToUri));
        }

        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // Not atomic with the insert: concurrent starts may pass it together, which stays bounded by the rate limits.
        var limit = options.Value.MaxPendingFlowsPerUser;
        if (await db.Set<OAuthState>().CountAsync(s => s.UserId == userId && s.ExpiresAt > now, cancellationToken) >= limit)
        {
            return ConnectAlpacaPayload.Failed(new TooManyPendingConnectsError(limit));
        }

        var state = OneTimeSecret.Create();
        secrets.Add(state);
        var expiresAt = now + options.Value.StateLifetime;
        db.Add(new OAuthState
        {
            StateHash = OneTimeSecret.Hash(state),
            UserId = userId,
            Environment = environment,
            ReturnTo = returnToUri,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        metrics.ConnectStarted(environment);

        var url = oauth.BuildAuthorizeUrl(state, oauth.DefaultRedirectUri, alpaca.Value.Scopes, environment);
        return new ConnectAlpacaPayload(url, expiresAt, []);
    }
}
