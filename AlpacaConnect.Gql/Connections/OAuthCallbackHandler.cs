using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Observability;
using AlpacaConnect.Gql.Observability.Logging;
using AlpacaConnect.Gql.Persistence;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Connections;

/// <summary>
/// Step 2 of connecting, where Alpaca sends the user's browser back: consume the state, exchange the code,
/// read the account with the new token, park it as a pending connection and send the browser back to the
/// app with a one-time completion code. Nothing is linked here (see <see cref="ConnectionCompletion"/>).
/// </summary>
internal sealed partial class OAuthCallbackHandler(
    OAuthStateStore states,
    IAlpacaOAuthClient oauth,
    IAlpacaClientFactory clients,
    IDbContextFactory<AppDbContext> databases,
    TokenVault vault,
    IOptions<ConnectionsOptions> options,
    TimeProvider time,
    AppMetrics metrics,
    KnownSecrets secrets,
    ILogger<OAuthCallbackHandler> logger)
{
    public async Task<IResult> HandleAsync(string? code, string? state, string? error, CancellationToken cancellationToken)
    {
        var flow = await states.ConsumeAsync(state, cancellationToken);
        if (flow is null)
        {
            LogRefused(logger);
            metrics.ConnectFailed("INVALID_STATE");
            return CallbackPage.InvalidState();
        }

        // Only a code that came with a genuine state: anyone can call this endpoint with anything.
        secrets.Add(code);

        if (!string.IsNullOrEmpty(error) || string.IsNullOrEmpty(code))
        {
            LogDenied(logger, flow.UserId);
            return Failed(flow, ErrorCodes.AccessDenied);
        }

        var (tokens, failure) = await ExchangeAsync(flow, code, cancellationToken);
        if (tokens is null)
        {
            return Failed(flow, failure!);
        }

        var completionCode = await ParkAsync(flow, tokens, cancellationToken);
        if (completionCode is null)
        {
            return Failed(flow, ErrorCodes.TokenExchangeFailed);
        }

        LogParked(logger, flow.UserId, flow.Environment);
        return BackToApp(flow, "completionCode", completionCode);
    }

    /// <summary>The tokens, or the error for the app: a refused code (expired, used) or an unreachable Alpaca.</summary>
    private async Task<(AlpacaTokenSet? Tokens, string? Failure)> ExchangeAsync(OAuthState flow, string code, CancellationToken cancellationToken)
    {
        try
        {
            return (await oauth.ExchangeCodeAsync(code, oauth.DefaultRedirectUri, cancellationToken), null);
        }
        catch (AlpacaApiException e)
        {
            LogExchangeFailed(logger, flow.UserId, (int?)e.StatusCode, e.AlpacaCode);
            return (null, e.Kind == AlpacaErrorKind.Rejected ? ErrorCodes.OAuthCodeInvalid : ErrorCodes.TokenExchangeFailed);
        }
    }

    /// <summary>
    /// Stores the tokens as a pending connection, then reads the account through it (the credential store
    /// serves pending connections too). Returns the completion code, or null when the account can't be read.
    /// </summary>
    private async Task<string?> ParkAsync(OAuthState flow, AlpacaTokenSet tokens, CancellationToken cancellationToken)
    {
        var completionCode = OneTimeSecret.Create();
        secrets.Add(completionCode);
        var id = Guid.NewGuid();
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Add(new PendingConnection
        {
            Id = id,
            CompletionCodeHash = OneTimeSecret.Hash(completionCode),
            UserId = flow.UserId,
            Environment = flow.Environment,
            Scopes = tokens.Scope,
            AccessTokenCiphertext = vault.Protect(TokenKind.Access, id, tokens.AccessToken),
            RefreshTokenCiphertext = tokens.RefreshToken is null ? null : vault.Protect(TokenKind.Refresh, id, tokens.RefreshToken),
            TokenExpiresAt = tokens.ExpiresAt,
            CreatedAt = flow.CreatedAt,
            ExpiresAt = now + options.Value.PendingLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            var account = await clients.ForConnection(new AlpacaConnectionRef(id, flow.Environment)).GetAccountAsync(cancellationToken);
            await db.Set<PendingConnection>().Where(p => p.Id == id).ExecuteUpdateAsync(p => p
                .SetProperty(x => x.AccountId, account.Id.ToString())
                .SetProperty(x => x.AccountNumber, account.AccountNumber)
                .SetProperty(x => x.AccountStatus, account.Status.ToString()), cancellationToken);
            return completionCode;
        }
        catch (AlpacaApiException e)
        {
            LogAccountFailed(logger, flow.UserId, (int?)e.StatusCode, e.AlpacaCode);
            await db.Set<PendingConnection>().Where(p => p.Id == id).ExecuteDeleteAsync(CancellationToken.None);
            return null;
        }
    }

    private IResult Failed(OAuthState flow, string code)
    {
        metrics.ConnectFailed(code);
        return BackToApp(flow, "error", code);
    }

    /// <summary>
    /// Flows started before returnTo was held to printable ASCII may still be stored; their link is escaped, or, if it
    /// cannot be, the browser gets the plain expired page instead of a server error.
    /// </summary>
    private static IResult BackToApp(OAuthState flow, string key, string value)
    {
        var returnTo = ReturnToPolicy.IsHeaderSafe(flow.ReturnTo)
            ? flow.ReturnTo
            : Uri.TryCreate(flow.ReturnTo, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : "";
        return ReturnToPolicy.IsHeaderSafe(returnTo) && returnTo.Length > 0
            ? Results.Redirect(QueryHelpers.AddQueryString(returnTo, key, value))
            : CallbackPage.InvalidState();
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "OAuth callback refused: state missing, unknown, expired or already used")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "OAuth authorization denied for user {UserId}")]
    private static partial void LogDenied(ILogger logger, string userId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "OAuth code exchange failed for user {UserId}: HTTP {Status}, Alpaca code {AlpacaCode}")]
    private static partial void LogExchangeFailed(ILogger logger, string userId, int? status, int? alpacaCode);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Reading the new account failed for user {UserId}: HTTP {Status}, Alpaca code {AlpacaCode}")]
    private static partial void LogAccountFailed(ILogger logger, string userId, int? status, int? alpacaCode);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "OAuth approved for user {UserId} ({Environment}); waiting for completion")]
    private static partial void LogParked(ILogger logger, string userId, AlpacaEnvironment environment);
}
