using GraphQL.Types;

namespace AlpacaConnect.Gql.Watchlists;

internal sealed record CreateWatchlistInput(string Name, List<string>? Symbols);

internal sealed record RenameWatchlistInput(string WatchlistId, string Name);

internal sealed record DeleteWatchlistInput(string WatchlistId);

internal sealed record WatchlistSymbolInput(string WatchlistId, string Symbol);

internal sealed class CreateWatchlistInputType : InputObjectGraphType<CreateWatchlistInput>
{
    public CreateWatchlistInputType()
    {
        Name = "CreateWatchlistInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description($"1 to {WatchlistRules.MaxNameLength} characters, unique in the account.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("symbols").Description($"Up to {WatchlistRules.MaxSymbols} symbols to start with.");
    }
}

internal sealed class RenameWatchlistInputType : InputObjectGraphType<RenameWatchlistInput>
{
    public RenameWatchlistInputType()
    {
        Name = "RenameWatchlistInput";
        Field<NonNullGraphType<IdGraphType>>("watchlistId");
        Field<NonNullGraphType<StringGraphType>>("name");
    }
}

internal sealed class DeleteWatchlistInputType : InputObjectGraphType<DeleteWatchlistInput>
{
    public DeleteWatchlistInputType()
    {
        Name = "DeleteWatchlistInput";
        Field<NonNullGraphType<IdGraphType>>("watchlistId");
    }
}

internal sealed class AddWatchlistSymbolInputType : InputObjectGraphType<WatchlistSymbolInput>
{
    public AddWatchlistSymbolInputType()
    {
        Name = "AddWatchlistSymbolInput";
        Field<NonNullGraphType<IdGraphType>>("watchlistId");
        Field<NonNullGraphType<StringGraphType>>("symbol").Description("e.g. AAPL, or BTC/USD for crypto.");
    }
}

internal sealed class RemoveWatchlistSymbolInputType : InputObjectGraphType<WatchlistSymbolInput>
{
    public RemoveWatchlistSymbolInputType()
    {
        Name = "RemoveWatchlistSymbolInput";
        Field<NonNullGraphType<IdGraphType>>("watchlistId");
        Field<NonNullGraphType<StringGraphType>>("symbol");
    }
}
