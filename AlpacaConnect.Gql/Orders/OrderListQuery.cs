using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Orders;

/// <summary>The arguments of <c>orders</c>, checked. Time bounds are exclusive, like Alpaca's <c>after</c>/<c>until</c> (facts 2.5).</summary>
internal sealed record OrderListQuery(
    int First,
    OrderCursor? After,
    OrderStatusFilter Status,
    IReadOnlyList<string>? Symbols,
    OrderSide? Side,
    DateTimeOffset? SubmittedAfter,
    DateTimeOffset? SubmittedBefore)
{
    public const int DefaultPageSize = 20;

    /// <summary>Larger requests get this many: a page is a screenful, and a page's cost must stay bounded.</summary>
    public const int MaxPageSize = 100;

    public static OrderListQuery From(
        string userId, int? first, string? after, OrderStatusFilter status, IReadOnlyList<string>? symbols, OrderSide? side,
        DateTimeOffset? submittedAfter, DateTimeOffset? submittedBefore)
    {
        if (first < 0)
        {
            throw new ApiException(ErrorCodes.BadUserInput, "`first` must not be negative.");
        }

        return new OrderListQuery(
            Math.Min(first ?? DefaultPageSize, MaxPageSize),
            after is null ? null : OrderCursor.Decode(after, userId),
            status,
            symbols?.Select(s => s.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList(),
            side,
            submittedAfter,
            submittedBefore);
    }
}
