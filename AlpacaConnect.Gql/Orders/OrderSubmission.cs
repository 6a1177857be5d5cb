using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Orders;

/// <summary>How one submission of an order ended.</summary>
internal abstract record SubmissionOutcome
{
    /// <summary>Alpaca holds the order.</summary>
    public sealed record Placed(AlpacaOrder Order, string Source) : SubmissionOutcome;

    /// <summary>
    /// Alpaca refused this attempt. With <see cref="AfterAmbiguous"/>, an earlier attempt of the same submission may
    /// still exist at Alpaca (its answer was lost and the lookup could not find it yet): the refusal settles nothing.
    /// </summary>
    public sealed record Refused(AlpacaApiException Error, bool AfterAmbiguous = false) : SubmissionOutcome;

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
    public static Task<SubmissionOutcome> SubmitAsync(IAlpacaTradingClient client, AlpacaNewOrder order, CancellationToken cancellationToken) =>
        SubmitAsync(client, order.ClientOrderId, ct => client.CreateOrderAsync(order, ct), cancellationToken);

    /// <summary>
    /// The same for any call that creates an order with <paramref name="clientOrderId"/>: a POST, or a PATCH that
    /// replaces an order (the new order carries the client order id, so a second PATCH with it is refused too).
    /// </summary>
    public static async Task<SubmissionOutcome> SubmitAsync(
        IAlpacaTradingClient client, string clientOrderId, Func<CancellationToken, Task<AlpacaOrder>> send, CancellationToken cancellationToken)
    {
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
        return second switch
        {
            SubmissionOutcome.NotSent { Error: var notSent } => new SubmissionOutcome.Unknown(notSent),
            SubmissionOutcome.Refused refused => refused with { AfterAmbiguous = true },
            _ => second,
        };
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
    public static async Task<SubmissionOutcome> LookUpAsync(
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
