using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Orders;

/// <summary>The answer to an idempotency key seen before, shared by placing, replacing and closing.</summary>
internal static class KeyReplay
{
    /// <summary>
    /// The settled answer (the same order, or the same refusal, or <c>IDEMPOTENCY_KEY_REUSED</c> for different
    /// input), sent nowhere; null while the earlier attempt is unsettled (PENDING_SUBMIT or UNKNOWN).
    /// </summary>
    public static (Order? Order, IReadOnlyList<PayloadError> Errors)? Settled(Order existing, string fingerprint, string refusal)
    {
        if (existing.RequestFingerprint != fingerprint)
        {
            return (null, [new IdempotencyKeyReusedError()]);
        }

        if (existing.Status is OrderStatus.PendingSubmit or OrderStatus.Unknown)
        {
            return null;
        }

        return (existing, existing.RejectionCode is { } code
            ? [OrderErrorMapping.Rejection(code, existing.RejectionUpstreamCode, existing.RejectionMessage ?? refusal)]
            : []);
    }
}
