using System.Net;
using AlpacaConnect.Gql.Alpaca;

namespace AlpacaConnect.Gql.GraphQL.Errors;

/// <summary>
/// The one place where a failed Alpaca call gets the API's error code. The Alpaca boundary reports only Alpaca's facts
/// (kind, status, Alpaca's code and message, retry-after); which <see cref="ErrorCodes"/> the client sees is decided here,
/// for top-level errors (<see cref="UnhandledErrors"/>) and typed payload errors alike.
/// </summary>
internal static class UpstreamErrorCodes
{
    public static string For(AlpacaApiException upstream) => upstream.Kind switch
    {
        AlpacaErrorKind.NotFound => ErrorCodes.NotFound,
        AlpacaErrorKind.ReauthRequired => ErrorCodes.ReauthRequired,
        AlpacaErrorKind.RateLimited => ErrorCodes.RateLimited,
        AlpacaErrorKind.Unavailable or AlpacaErrorKind.InvalidResponse => ErrorCodes.UpstreamUnavailable,
        AlpacaErrorKind.Timeout => ErrorCodes.UpstreamTimeout,
        AlpacaErrorKind.EnvironmentNotAllowed => ErrorCodes.Forbidden,
        AlpacaErrorKind.Rejected when upstream.IsScopeRefusal => ErrorCodes.ScopeMissing,
        AlpacaErrorKind.Rejected when upstream.IsInsufficientBuyingPower => ErrorCodes.InsufficientBuyingPower,
        AlpacaErrorKind.Rejected when upstream.StatusCode == HttpStatusCode.Forbidden => ErrorCodes.BrokerRejected,
        AlpacaErrorKind.Rejected when upstream.StatusCode == HttpStatusCode.UnprocessableEntity => ErrorCodes.OrderInvalid,
        _ => ErrorCodes.AlpacaRejected,
    };
}
