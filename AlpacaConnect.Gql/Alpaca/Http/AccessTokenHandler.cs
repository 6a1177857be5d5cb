using System.Net;
using System.Net.Http.Headers;

namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>
/// Innermost handler: puts the connection's token on each attempt as <c>Authorization: Bearer</c>, the only
/// credential header (API-key headers must never accompany an OAuth token, facts 1.6). A 401 marks the connection
/// REAUTH_REQUIRED unless it is a scope refusal (<see cref="AlpacaErrorBody.IsScopeRefusal"/>); the answer goes on
/// to the error mapper, which raises <see cref="AlpacaReauthRequiredException"/>.
/// </summary>
internal sealed class AccessTokenHandler(AlpacaTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var connectionId = AlpacaRequestOptions.GetConnectionId(request);
        var credential = await tokens.GetAsync(connectionId, cancellationToken);
        request.Headers.Remove("APCA-API-KEY-ID");
        request.Headers.Remove("APCA-API-SECRET-KEY");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential.AccessToken);

        var response = await base.SendAsync(request, cancellationToken);
        // The error mapper judges ambiguity by the request's method; not every handler links the two.
        response.RequestMessage ??= request;
        if (response.StatusCode == HttpStatusCode.Unauthorized
            && !AlpacaErrorBody.IsScopeRefusal((await AlpacaErrorBody.ReadAsync(response)).Message))
        {
            await tokens.OnUnauthorizedAsync(connectionId, credential.AccessToken);
        }

        return response;
    }
}
