namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary>
/// What Alpaca's token endpoint granted. Documented Connect tokens carry no expiry and no refresh token; both are
/// supported in case they appear. <see cref="Scope"/> is what was granted, which can be wider than what was asked.
/// </summary>
internal sealed record AlpacaTokenSet(
    string AccessToken, string TokenType, string Scope, string? RefreshToken = null, DateTimeOffset? ExpiresAt = null)
{
    /// <summary>Tokens never reach logs, exception messages or debugger summaries.</summary>
    public override string ToString() =>
        $"AlpacaTokenSet {{ AccessToken = ***, TokenType = {TokenType}, Scope = {Scope}, RefreshToken = {(RefreshToken is null ? "none" : "***")}, ExpiresAt = {ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "none"} }}";
}
