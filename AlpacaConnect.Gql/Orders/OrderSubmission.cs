using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Orders;

/// <summary>How one submission of an order ended.</summary>
internal abstract record SubmissionOutcome
{
    /// <summary>Alpaca holds the order.</summary>
    public sealed record Placed(AlpacaOrder Order, string Source) : SubmissionOutcome;

    /// <summary>Alpaca refused it: it does not and will not hold it.</summary>
    public sealed record Refused(AlpacaApiException Error) : SubmissionOutcome;

    /// <summary>Alpaca never received it (our budget, 429, 401, no connection): the attempt left no trace upstream.</summary>
    public sealed record NotSent(AlpacaApiException Error) : SubmissionOutcome;

    /// <summary>It could not be established whether Alpaca holds it.</summary>
    public sealed record Unknown(AlpacaApiException Error) : SubmissionOutcome;
}

/// <summary>
/// Sends an order without ever placing it twice (docs/decisions/0007-order-creation-is-never-retried-blindly.md). The POST is never retried blindly: after an
/// ambiguous failure the order is looked up by its client order id; only when Alpaca says it has no such order is it
/// sent once more, with the same id, so even a late-arriving first attempt cannot make a second order.
/// </summary>
internal static class OrderSubmission
{
    public static Task<SubmissionOutcome> SubmitAsync(
        IAlpacaTradingClient client, AlpacaNewOrder order, bool lookUpFirst, CancellationToken cancellationToken) =>
        SubmitAsync(client, order.ClientOrderId, ct => client.CreateOrderAsync(order, ct), lookUpFirst, cancellationToken);

    /// <summary>
    /// The same for any call that creates an order with <paramref name="clientOrderId"/>: a POST, or a PATCH that
    /// replaces an order (the new order carries the client order id, so a second PATCH with it is refused too).
    /// </summary>
    public static async Task<SubmissionOutcome> SubmitAsync(
        IAlpacaTradingClient client, string clientOrderId, Func<CancellationToken, Task<AlpacaOrder>> send, bool lookUpFirst,
        CancellationToken cancellationToken)
    {
        if (lookUpFirst)
        {
            var earlier = await LookUpAsync(client, clientOrderId, null, cancellationToken);
            if (earlier is not SubmissionOutcome.Unknown { Error.Kind: AlpacaErrorKind.NotFound })
            {
                return earlier;
            }
        }

        var first = await SendAsync(client, clientOrderId, send, cancellationToken);
        if (first is not SubmissionOutcome.Unknown { Error: var ambiguous })
        {
            return first;
        }

        var found = await LookUpAsync(client, clientOrderId, ambiguous, cancellationToken);
        if (found is not SubmissionOutcome.Unknown { Error.Kind: AlpacaErrorKind.NotFound })
        {
            return found;
        }

        // Alpaca says it has no order with this id: sending once more is safe, because it refuses a second order
        // with the same client order id should the first attempt still arrive.
        // If this one is not sent either, the first may still arrive: the outcome stays unknown, the row is kept.
        var second = await SendAsync(client, clientOrderId, send, cancellationToken);
        return second is SubmissionOutcome.NotSent { Error: var notSent } ? new SubmissionOutcome.Unknown(notSent) : second;
    }

    private static async Task<SubmissionOutcome> SendAsync(
        IAlpacaTradingClient client, string clientOrderId, Func<CancellationToken, Task<AlpacaOrder>> send, CancellationToken cancellationToken)
    {
        try
        {
            return new SubmissionOutcome.Placed(await send(cancellationToken), "placed");
        }
        catch (AlpacaApiException e) when (e.IsDuplicateClientOrderId)
        {
            // An earlier attempt placed it (facts 2.2: the id is unique forever): fetch that order.
            var found = await LookUpAsync(client, clientOrderId, e, cancellationToken);
            return found is SubmissionOutcome.Unknown { Error.Kind: AlpacaErrorKind.NotFound } ? new SubmissionOutcome.Unknown(e) : found;
        }
        catch (AlpacaApiException e) when (e.IsAmbiguous)
        {
            return new SubmissionOutcome.Unknown(e);
        }
        catch (AlpacaApiException e) when (e.Kind is AlpacaErrorKind.RateLimited or AlpacaErrorKind.ReauthRequired
            or AlpacaErrorKind.Unavailable or AlpacaErrorKind.Timeout or AlpacaErrorKind.EnvironmentNotAllowed)
        {
            // Not ambiguous (see AlpacaApiException.IsAmbiguous): refused before it was processed, or never sent.
            return new SubmissionOutcome.NotSent(e);
        }
        catch (AlpacaApiException e)
        {
            return new SubmissionOutcome.Refused(e);
        }
    }

    /// <summary>Placed when found; Unknown with a NotFound error when Alpaca has no such order; Unknown otherwise.</summary>
    private static async Task<SubmissionOutcome> LookUpAsync(
        IAlpacaTradingClient client, string clientOrderId, AlpacaApiException? cause, CancellationToken cancellationToken)
    {
        try
        {
            return new SubmissionOutcome.Placed(await client.GetOrderByClientOrderIdAsync(clientOrderId, cancellationToken), "lookup");
        }
        catch (AlpacaApiException e)
        {
            return new SubmissionOutcome.Unknown(e.Kind == AlpacaErrorKind.NotFound ? e : cause ?? e);
        }
    }
}
