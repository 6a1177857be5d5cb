using System.Text.Json.Serialization;

namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary>
/// The token endpoint's answer (facts 1.4): documented as only access_token, token_type and scope. Holds secrets: it
/// has no ToString of its own and never leaves the OAuth client.
/// </summary>
internal sealed class TokenResponseWire
{
    public string? AccessToken { get; set; }
    public string? TokenType { get; set; }
    public string? Scope { get; set; }
    public string? RefreshToken { get; set; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? ExpiresIn { get; set; }
}
