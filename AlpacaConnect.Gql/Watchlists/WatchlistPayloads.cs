using AlpacaConnect.Gql.GraphQL.Errors;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Watchlists;

/// <summary>The answer of every watchlist mutation: the list as it is now (null on failure or after a delete), or why not.</summary>
internal sealed record WatchlistPayload(Watchlist? Watchlist, IReadOnlyList<PayloadError> Errors, string? DeletedWatchlistId = null);

internal abstract class WatchlistPayloadGraphType : ObjectGraphType<WatchlistPayload>
{
    protected WatchlistPayloadGraphType(string name, bool deletes = false)
    {
        Name = name;
        if (deletes)
        {
            Field<IdGraphType>("deletedWatchlistId").Description("The id of the watchlist deleted, for evicting it from a client cache.").Resolve(c => c.Source.DeletedWatchlistId);
        }
        else
        {
            Field<WatchlistGraphType>("watchlist").Resolve(c => c.Source.Watchlist);
        }

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WatchlistErrorType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}

internal sealed class CreateWatchlistPayloadType() : WatchlistPayloadGraphType("CreateWatchlistPayload");

internal sealed class RenameWatchlistPayloadType() : WatchlistPayloadGraphType("RenameWatchlistPayload");

internal sealed class DeleteWatchlistPayloadType() : WatchlistPayloadGraphType("DeleteWatchlistPayload", deletes: true);

internal sealed class AddWatchlistSymbolPayloadType() : WatchlistPayloadGraphType("AddWatchlistSymbolPayload");

internal sealed class RemoveWatchlistSymbolPayloadType() : WatchlistPayloadGraphType("RemoveWatchlistSymbolPayload");
