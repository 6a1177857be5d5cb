using AlpacaConnect.Gql.Alpaca.Wire;
using Refit;

namespace AlpacaConnect.Gql.Alpaca.Clients;

/// <summary>
/// Alpaca's OAuth token endpoint (facts 1.4). The client's base address is the whole endpoint URL. The body must be
/// form-encoded: JSON gets <c>invalid_client</c>.
/// </summary>
internal interface IAlpacaOAuthApi
{
    [Post("")]
    Task<TokenResponseWire> RequestTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);
}
