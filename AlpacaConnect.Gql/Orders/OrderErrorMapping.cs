using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// Failed Alpaca calls as typed order errors. The code comes from <see cref="UpstreamErrorCodes"/> (the one
/// mapping); this only picks the error type that carries it.
/// </summary>
internal static class OrderErrorMapping
{
    /// <summary>The typed error, or null for failures that are not the caller's to handle (they become top-level errors).</summary>
    public static PayloadError? From(AlpacaApiException e) => e.Kind switch
    {
        AlpacaErrorKind.RateLimited => new RateLimitedError(e.RetryAfter is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : null),
        AlpacaErrorKind.ReauthRequired => new ReauthRequiredError(),
        AlpacaErrorKind.Rejected or AlpacaErrorKind.NotFound => Rejection(UpstreamErrorCodes.For(e), e.AlpacaCode, Describe(e)),
        _ => null,
    };

    /// <summary>A rejection as stored on the order, replayed to a retry with the same key.</summary>
    public static PayloadError Rejection(string code, int? upstreamCode, string message) => code switch
    {
        ErrorCodes.InsufficientBuyingPower => new InsufficientBuyingPowerError(message, upstreamCode),
        ErrorCodes.OrderInvalid => new OrderInvalidError(null, message, upstreamCode),
        _ => new AlpacaRejectedError(code, message, upstreamCode),
    };

    public static string Describe(AlpacaApiException e) =>
        e.UpstreamMessage is { Length: > 0 } upstream ? $"Alpaca refused the order: {upstream}" : "Alpaca refused the order.";
}
