using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Guardrails;
using AlpacaConnect.Gql.Trading;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>
/// What the checks read from Alpaca, all at once: the asset, the account's flags, the clock (when the policy needs it)
/// and the latest quote of the asset's class. The quote is read for the class the symbol's shape suggests alongside the
/// asset, and again only if the asset turns out to be of another class.
/// </summary>
internal sealed class MarketReader(AssetDirectory assets, IOptionsMonitor<GuardrailOptions> options)
{
    public async Task<(TradableAsset? Asset, GuardrailContext Context)> ReadAsync(
        IAlpacaTradingClient client, string symbol, CancellationToken cancellationToken)
    {
        var guess = AssetDirectory.ClassBySymbol(symbol);
        var asset = assets.FindAsync(client, symbol, cancellationToken);
        var account = client.GetAccountAsync(cancellationToken);
        var clock = options.CurrentValue.MarketHours == MarketHoursPolicy.Always || guess == AssetClass.Crypto
            ? Task.FromResult<bool?>(null)
            : IsOpenAsync(client, cancellationToken);
        var quote = QuoteAsync(client, symbol, guess, cancellationToken);
        await Task.WhenAll(asset, account, clock, quote);

        var found = await asset;
        var (bid, ask) = await quote;
        if (found is not null && found.Class != guess && found.Class != AssetClass.Unknown)
        {
            (bid, ask) = await QuoteAsync(client, found.Symbol, found.Class, cancellationToken);
        }

        // Crypto trades around the clock; equities and options by Alpaca's clock, read only when the policy asks.
        var open = found?.Class == AssetClass.Crypto || options.CurrentValue.MarketHours == MarketHoursPolicy.Always
            || (await clock ?? await IsOpenAsync(client, cancellationToken) ?? false);
        var flags = await account;
        return (found, new GuardrailContext(flags.TradingBlocked, flags.AccountBlocked, flags.TradeSuspendedByUser, open, bid, ask, 0, 0m));
    }

    private static async Task<bool?> IsOpenAsync(IAlpacaTradingClient client, CancellationToken cancellationToken) =>
        (await client.GetClockAsync(cancellationToken)).IsOpen;

    /// <summary>The quote's sides, each null when there is none (a zero side means no quote on that side, e.g. outside hours on IEX).</summary>
    private static async Task<(decimal? Bid, decimal? Ask)> QuoteAsync(
        IAlpacaTradingClient client, string symbol, AssetClass assetClass, CancellationToken cancellationToken)
    {
        AlpacaQuote quote;
        try
        {
            quote = assetClass switch
            {
                AssetClass.Crypto => await client.GetLatestCryptoQuoteAsync(symbol, cancellationToken),
                AssetClass.UsOption => await client.GetLatestOptionQuoteAsync(symbol, cancellationToken),
                _ => await client.GetLatestQuoteAsync(symbol, cancellationToken: cancellationToken),
            };
        }
        catch (AlpacaApiException e) when (e.Kind is AlpacaErrorKind.NotFound or AlpacaErrorKind.Rejected)
        {
            // No quote (unknown symbol, or no market-data scope): orders needing a price are refused as PRICE_UNAVAILABLE.
            return (null, null);
        }

        return (quote.BidPrice > 0 ? quote.BidPrice : null, quote.AskPrice > 0 ? quote.AskPrice : null);
    }
}
