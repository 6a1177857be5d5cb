using AlpacaConnect.Gql.Alpaca.Http;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Alpaca.Wire;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Alpaca.Clients;

internal sealed class AlpacaOAuthClient(
    IAlpacaOAuthApi api, AlpacaUpstreamAddresses addresses, IOptions<AlpacaOptions> options, TimeProvider time) : IAlpacaOAuthClient
{
    public Uri DefaultRedirectUri => addresses.RedirectUri;

    public Uri BuildAuthorizeUrl(string state, Uri redirectUri, string? scopes, AlpacaEnvironment environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        EnvironmentPolicy.EnsureAllowed(options.Value, environment);
        var query = string.Join('&',
            Pair("response_type", "code"),
            Pair("client_id", ClientId),
            Pair("redirect_uri", redirectUri.OriginalString),
            Pair("state", state),
            Pair("scope", scopes ?? options.Value.Scopes),
            Pair("env", environment == AlpacaEnvironment.Live ? "live" : "paper"));
        var page = addresses.AuthorizePage.AbsoluteUri;
        return new Uri(page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
    }

    public Task<AlpacaTokenSet> ExchangeCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return RequestAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["redirect_uri"] = redirectUri.OriginalString,
        }, code, cancellationToken);
    }

    public Task<AlpacaTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        return RequestAsync(new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
        }, refreshToken, cancellationToken);
    }

    private string ClientId => options.Value.ClientId is { Length: > 0 } id ? id
        : throw new InvalidOperationException("Alpaca:ClientId is not configured.");

    private string ClientSecret => options.Value.ClientSecret is { Length: > 0 } secret ? secret
        : throw new InvalidOperationException("Alpaca:ClientSecret is not configured.");

    private async Task<AlpacaTokenSet> RequestAsync(Dictionary<string, string> form, string grant, CancellationToken cancellationToken)
    {
        TokenResponseWire answer;
        try
        {
            answer = await api.RequestTokenAsync(form, cancellationToken);
        }
        catch (AlpacaApiException e)
        {
            throw TokenEndpointFailure(e, [grant, ClientSecret]);
        }

        if (string.IsNullOrEmpty(answer.AccessToken) || !string.Equals(answer.TokenType, "bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new AlpacaApiException(AlpacaErrorKind.InvalidResponse,
                $"Alpaca's token endpoint answered without a bearer access token (token_type '{answer.TokenType}').");
        }

        DateTimeOffset? expiresAt = answer.ExpiresIn is > 0 and var seconds ? time.GetUtcNow().AddSeconds(seconds) : null;
        return new AlpacaTokenSet(answer.AccessToken, answer.TokenType!, answer.Scope ?? "", NullIfEmpty(answer.RefreshToken), expiresAt);
    }

    /// <summary>
    /// A refused code or refresh token is a rejection of this one grant, not of a connection; and whatever Alpaca
    /// echoes back, the grant and the client secret are cut out of the message.
    /// </summary>
    private static AlpacaApiException TokenEndpointFailure(AlpacaApiException failure, string[] secrets)
    {
        var kind = failure.Kind == AlpacaErrorKind.ReauthRequired ? AlpacaErrorKind.Rejected : failure.Kind;
        return new AlpacaApiException(kind, Redact(failure.Message, secrets))
        {
            StatusCode = failure.StatusCode,
            AlpacaCode = failure.AlpacaCode,
            UpstreamMessage = failure.UpstreamMessage is { } message ? Redact(message, secrets) : null,
            RetryAfter = failure.RetryAfter,
        };
    }

    private static string Redact(string text, string[] secrets) =>
        secrets.Where(s => s.Length > 0).Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));

    private static string Pair(string key, string value) => $"{key}={Uri.EscapeDataString(value)}";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
