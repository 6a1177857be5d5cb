using System.Globalization;
using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Orders;

/// <summary>An <c>after</c> argument (an <c>OrderUpdate.id</c> the app received) as a position in the caller's log.</summary>
internal static class OrderLogPosition
{
    /// <summary>
    /// The position before the first update: what <c>orderEvents</c> answers as <c>endCursor</c> while the log is empty,
    /// so an app that read an empty log still subscribes from a position and misses nothing logged in between.
    /// </summary>
    public const string Start = "0";

    /// <summary>Null for no <paramref name="after"/>; NOT_FOUND for an id that is not one of the caller's updates.</summary>
    public static async Task<long?> ResolveAsync(OrderLog log, string userId, string? after, CancellationToken cancellationToken)
    {
        if (after is null)
        {
            return null;
        }

        if (after == Start)
        {
            return 0;
        }

        // The shape is checked before the database is asked: an id is a positive integer of at most 19 digits.
        return after.Length is > 0 and <= 19
            && long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var eventId)
            && await log.SequenceOfAsync(userId, eventId, cancellationToken) is { } sequence
            ? sequence
            : throw new ApiException(ErrorCodes.NotFound, "No order update with this id among yours.");
    }
}
