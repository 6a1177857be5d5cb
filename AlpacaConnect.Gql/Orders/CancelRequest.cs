using System.Net;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// One <c>DELETE /v2/orders/{id}</c> and what its answer means, for <c>cancelOrder</c> and each item of
/// <c>cancelAllOrders</c> alike: null when Alpaca accepted the request (204), else the typed error.
/// </summary>
internal static class CancelRequest
{
    public static async Task<PayloadError?> SendAsync(IAlpacaTradingClient client, Guid alpacaOrderId, CancellationToken cancellationToken)
    {
        try
        {
            await client.CancelOrderAsync(alpacaOrderId, cancellationToken);
            return null;
        }
        catch (AlpacaApiException e) when (e.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            // No longer cancelable: filled meanwhile, or a replace or cancel is pending.
            return new OrderNotCancelableError(OrderErrorMapping.Describe(e), e.AlpacaCode);
        }
        catch (AlpacaApiException e) when (e.Kind == AlpacaErrorKind.NotFound)
        {
            return new OrderNotCancelableError("Alpaca no longer lists this order.", e.AlpacaCode);
        }
        catch (AlpacaApiException e) when (e.Kind is AlpacaErrorKind.RateLimited or AlpacaErrorKind.ReauthRequired)
        {
            return OrderErrorMapping.From(e)!;
        }
        catch (AlpacaApiException e)
        {
            // A 5xx or a timeout: the cancel may or may not be requested; asking again is safe.
            return new CancelUnconfirmedError(UpstreamErrorCodes.For(e));
        }
    }

    /// <summary>Whether the error stops the cancels after it: the account's budget is spent, or its token revoked.</summary>
    public static bool StopsTheRest(PayloadError error) => error is RateLimitedError or ReauthRequiredError;
}

/// <summary>Alpaca did not answer the cancel (5xx, timeout): it may or may not be requested. A cancel is safe to ask again.</summary>
internal sealed record CancelUnconfirmedError(string Code)
    : PayloadError(Code, "Alpaca did not confirm this cancel. Asking again is safe (with the same idempotency key for cancelAllOrders).");
