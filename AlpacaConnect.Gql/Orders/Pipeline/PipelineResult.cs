using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>What a command ended with: the order (when one exists for the key) and why it is not placed (when it is not).</summary>
internal sealed record PipelineResult(Order? Order, IReadOnlyList<PayloadError> Errors)
{
    public static PipelineResult Failed(IEnumerable<PayloadError> errors) => new(null, errors.ToList());

    public static PipelineResult Failed(PayloadError error) => new(null, [error]);
}
