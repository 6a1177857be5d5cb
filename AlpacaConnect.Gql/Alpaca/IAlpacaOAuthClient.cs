using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Alpaca;

/// <summary>Alpaca Connect's OAuth: the authorize page URL, the code exchange and (if ever issued) refresh tokens.</summary>
internal interface IAlpacaOAuthClient
{
    /// <summary>The configured callback URI (<c>Alpaca:RedirectUri</c>, or the sandbox default).</summary>
    Uri DefaultRedirectUri { get; }

    /// <summary>
    /// Alpaca's authorize page for one environment (<c>env=paper|live</c>), with <paramref name="state"/> passed back
    /// unchanged. <paramref name="scopes"/> null asks for <c>Alpaca:Scopes</c>. Live throws
    /// <see cref="AlpacaErrorKind.EnvironmentNotAllowed"/> unless <c>Alpaca:AllowLive</c>.
    /// </summary>
    Uri BuildAuthorizeUrl(string state, Uri redirectUri, string? scopes, AlpacaEnvironment environment);

    /// <summary>Exchanges an authorization code; <paramref name="redirectUri"/> must be the one the authorize step used.</summary>
    Task<AlpacaTokenSet> ExchangeCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken = default);

    Task<AlpacaTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default);
}
