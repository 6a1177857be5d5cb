using System.Globalization;

namespace AlpacaConnect.Gql.Alpaca;

/// <summary>A connection's stored, decrypted tokens, as the credential store hands them to the token handler.</summary>
internal sealed record AlpacaCredential(string AccessToken, string? RefreshToken = null, DateTimeOffset? ExpiresAt = null)
{
    /// <summary>Tokens never reach logs, exception messages or debugger summaries.</summary>
    public override string ToString() =>
        $"AlpacaCredential {{ AccessToken = ***, RefreshToken = {(RefreshToken is null ? "none" : "***")}, ExpiresAt = {ExpiresAt?.ToString("O", CultureInfo.InvariantCulture) ?? "none"} }}";
}
