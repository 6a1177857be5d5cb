using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Guardrails;
using AlpacaConnect.Gql.Trading;
using AlpacaConnect.Gql.Trading.Assets;
using AlpacaConnect.Gql.Trading.Reads;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>
/// What the checks read from Alpaca, all at once: the asset, the account's flags, the clock (when the policy needs it)
/// and the latest quote of the asset's class. The quote is read for the class the symbol's shape suggests alongside the
/// asset, and again only if the asset turns out to be of another class.
/// </summary>
/// <remarks>
/// Each read goes through the connection's read cache for a short while (<see cref="ReadCacheOptions"/>): none of them
/// is what Alpaca decides by, only what our own refusals come first by, so an order does not wait for a round trip to
/// learn again what the previous one learned a moment ago. A fill forgets none of them (decision 0015).
/// </remarks>
internal sealed class MarketReader(
    AssetDirectory assets, ConnectionReadCache reads, IOptionsMonitor<GuardrailOptions> options, IOptionsMonitor<ReadCacheOptions> reuse,
    TimeProvider time)
{
    public async Task<(TradableAsset? Asset, GuardrailContext Context)> ReadAsync(
        Guid connectionId, IAlpacaTradingClient client, string symbol, CancellationToken cancellationToken)
    {
        var guess = AssetDirectory.ClassBySymbol(symbol);
        var asset = assets.FindAsync(client, symbol, cancellationToken);
        var account = reads.GetOrLoadAsync(
            connectionId, ReadKinds.AccountStatus, reuse.CurrentValue.AccountStatusTtl, () => client.GetAccountAsync(CancellationToken.None), cancellationToken);
        var clock = options.CurrentValue.MarketHours == MarketHoursPolicy.Always || guess == AssetClass.Crypto
            ? Task.FromResult<bool?>(null)
            : IsOpenAsync(connectionId, client, cancellationToken);
        var quote = QuoteAsync(connectionId, client, symbol, guess, cancellationToken);
        await Task.WhenAll(asset, account, clock, quote);

        var found = await asset;
        var (bid, ask) = await quote;
        if (found is not null && found.Class != guess && found.Class != AssetClass.Unknown)
        {
            (bid, ask) = await QuoteAsync(connectionId, client, found.Symbol, found.Class, cancellationToken);
        }

        // Crypto trades around the clock; equities and options by Alpaca's clock, read only when the policy asks.
        var open = found?.Class == AssetClass.Crypto || options.CurrentValue.MarketHours == MarketHoursPolicy.Always
            || (await clock ?? await IsOpenAsync(connectionId, client, cancellationToken) ?? false);
        var flags = await account;
        return (found, new GuardrailContext(flags.TradingBlocked, flags.AccountBlocked, flags.TradeSuspendedByUser, open, bid, ask, 0, 0m)
        {
            // Crypto is never marginable and options have their own figure (facts 119, more-facts 277).
            BuyingPower = found?.Class switch
            {
                AssetClass.Crypto => flags.NonMarginableBuyingPower ?? flags.BuyingPower,
                AssetClass.UsOption => flags.OptionsBuyingPower ?? flags.BuyingPower,
                _ => flags.BuyingPower,
            },
        });
    }

    /// <summary>Whether the market is open now, by a clock read earlier as long as neither its next open nor its next close has passed.</summary>
    private async Task<bool?> IsOpenAsync(Guid connectionId, IAlpacaTradingClient client, CancellationToken cancellationToken)
    {
        var clock = await reads.GetOrLoadAsync(
            connectionId, ReadKinds.MarketHours, reuse.CurrentValue.MarketHoursTtl, () => client.GetClockAsync(CancellationToken.None), cancellationToken);
        var now = time.GetUtcNow();
        if (now >= clock.NextOpen || now >= clock.NextClose)
        {
            clock = await client.GetClockAsync(cancellationToken);
        }

        return clock.IsOpen;
    }

    /// <summary>The quote's sides, each null when there is none (a zero side means no quote on that side, e.g. outside hours on IEX).</summary>
    private async Task<(decimal? Bid, decimal? Ask)> QuoteAsync(
        Guid connectionId, IAlpacaTradingClient client, string symbol, AssetClass assetClass, CancellationToken cancellationToken)
    {
        AlpacaQuote quote;
        try
        {
            quote = await reads.GetOrLoadAsync(
                connectionId, ReadKinds.Quote(assetClass, symbol), reuse.CurrentValue.QuoteTtl, () => assetClass switch
                {
                    AssetClass.Crypto => client.GetLatestCryptoQuoteAsync(symbol, CancellationToken.None),
                    AssetClass.UsOption => client.GetLatestOptionQuoteAsync(symbol, CancellationToken.None),
                    _ => client.GetLatestQuoteAsync(symbol, cancellationToken: CancellationToken.None),
                }, cancellationToken);
        }
        catch (AlpacaApiException e) when (e.Kind is AlpacaErrorKind.NotFound or AlpacaErrorKind.Rejected)
        {
            // No quote (unknown symbol, or no market-data scope): orders needing a price are refused as PRICE_UNAVAILABLE.
            return (null, null);
        }

        return (quote.BidPrice > 0 ? quote.BidPrice : null, quote.AskPrice > 0 ? quote.AskPrice : null);
    }
}
