using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Trading;
using AlpacaConnect.Gql.Trading.Assets;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Market;

/// <summary>
/// Quotes and bars from Alpaca's market data API through the caller's connection (needs the <c>data</c> scope; spends the
/// market-data budget, never the trading one), cached per feed for every caller (<see cref="MarketDataCache"/>).
/// </summary>
internal sealed class QuoteQueries : IQueryFields
{
    public void AddFieldsTo(ObjectGraphType root)
    {
        root.Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuoteType>>>>("quotes")
            .Description($"A snapshot per symbol, in the order asked (duplicates once): stocks on the configured feed, crypto pairs with a slash "
                + $"(BTC/USD). 1 to {MarketLimits.MaxQuoteSymbols} symbols; option contracts are refused. Errors SCOPE_MISSING when the "
                + "connection was not granted Alpaca's `data` scope.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("symbols")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var symbols = MarketLimits.QuoteSymbols(context.GetArgument<List<string>>("symbols"));
                var client = await CallerClient.ClientAsync(context);
                var cache = context.RequestServices!.GetRequiredService<MarketDataCache>();
                var crypto = symbols.Where(IsCrypto).ToList();
                var stocks = symbols.Where(s => !IsCrypto(s)).ToList();
                var stockSnapshots = stocks.Count > 0 ? cache.SnapshotsAsync(client, stocks, crypto: false, context.CancellationToken) : null;
                var cryptoSnapshots = crypto.Count > 0 ? cache.SnapshotsAsync(client, crypto, crypto: true, context.CancellationToken) : null;
                var found = new Dictionary<string, AlpacaSnapshot>(StringComparer.Ordinal);
                foreach (var answer in new[] { stockSnapshots, cryptoSnapshots }.OfType<Task<IReadOnlyDictionary<string, AlpacaSnapshot>>>())
                {
                    foreach (var (symbol, snapshot) in await answer)
                    {
                        found[symbol] = snapshot;
                    }
                }

                return symbols.Select(s => new SymbolQuote(s, found.GetValueOrDefault(s))).ToList();
            });

        root.Field<NonNullGraphType<BarSeriesType>>("bars")
            .Description($"A stock's bars from `start` to `end` (default now), oldest first, at most `first` (default {MarketLimits.DefaultBars}, "
                + $"at most {MarketLimits.MaxBars}). Crypto and option bars are not served yet. An unknown symbol has no bars.")
            .Argument<NonNullGraphType<StringGraphType>>("symbol")
            .Argument<NonNullGraphType<BarTimeframeGraphType>>("timeframe")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("start", "Inclusive.")
            .Argument<DateTimeOffsetGraphType>("end", "Inclusive; not before `start`.")
            .Argument<IntGraphType>("first")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var symbol = MarketLimits.Symbol(context.GetArgument<string>("symbol"), "symbol", marketData: true);
                if (IsCrypto(symbol))
                {
                    throw MarketLimits.Bad("symbol", "`symbol`: bars are served for stocks only for now.");
                }

                var name = context.GetArgument<object>("timeframe") as string;
                var timeframe = BarTimeframe.All.Single(t => t.Name == name);
                var start = context.GetArgument<DateTimeOffset>("start");
                var end = context.GetArgument<DateTimeOffset?>("end");
                if (end < start)
                {
                    throw MarketLimits.Bad("end", "`end` must not be before `start`.");
                }

                var first = MarketLimits.First(context.GetArgument<int?>("first"), MarketLimits.DefaultBars, MarketLimits.MaxBars);
                var client = await CallerClient.ClientAsync(context);
                return await context.RequestServices!.GetRequiredService<MarketDataCache>()
                    .BarsAsync(client, symbol, timeframe, start, end, first, context.CancellationToken);
            });
    }

    private static bool IsCrypto(string symbol) => AssetDirectory.ClassBySymbol(symbol) == AssetClass.Crypto;
}
