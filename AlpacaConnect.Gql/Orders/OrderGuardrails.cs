using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Guardrails;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// Wires the pure <see cref="GuardrailPolicy"/>: reads the account's flags, the latest quote and (when the policy
/// needs it) the clock from Alpaca, and the user's orders today from our own history.
/// </summary>
internal sealed class OrderGuardrails(OrderStore store, IOptionsMonitor<GuardrailOptions> options, TimeProvider time)
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>The upstream part of the context; read before taking the user's lock, so the lock is held briefly.</summary>
    public async Task<GuardrailContext> ReadMarketAsync(IAlpacaTradingClient client, string symbol, CancellationToken cancellationToken)
    {
        var account = await client.GetAccountAsync(cancellationToken);
        var marketOpen = options.CurrentValue.MarketHours == MarketHoursPolicy.Always
            || (await client.GetClockAsync(cancellationToken)).IsOpen;
        decimal? bid = null, ask = null;
        try
        {
            var quote = await client.GetLatestQuoteAsync(symbol, cancellationToken: cancellationToken);
            // A zero side means no quote on that side (e.g. outside hours on IEX).
            bid = quote.BidPrice > 0 ? quote.BidPrice : null;
            ask = quote.AskPrice > 0 ? quote.AskPrice : null;
        }
        catch (AlpacaApiException e) when (e.Kind is AlpacaErrorKind.NotFound or AlpacaErrorKind.Rejected)
        {
            // No quote (unknown symbol, or no market-data scope): orders needing a price are refused as PRICE_UNAVAILABLE.
        }

        return new GuardrailContext(account.TradingBlocked, account.AccountBlocked, account.TradeSuspendedByUser, marketOpen, bid, ask, 0, 0m);
    }

    /// <summary>Completes the context with today's orders and checks. Call under the user's lock, and insert before releasing it.</summary>
    public async Task<(IReadOnlyList<GuardrailViolation> Violations, decimal EstimatedNotional)> CheckAsync(
        string userId, GuardrailOrder order, GuardrailContext market, CancellationToken cancellationToken, Guid? replacing = null)
    {
        var (count, notional) = await store.TodayAsync(userId, StartOfTradingDay(), cancellationToken, replacing);
        var context = market with { OrdersToday = count, NotionalToday = notional };
        var violations = GuardrailPolicy.Check(order, context, options.CurrentValue);
        return (violations, GuardrailPolicy.EstimatedNotional(order, context) ?? 0m);
    }

    /// <summary>Midnight in New York today: the trading day the daily limits count.</summary>
    private DateTimeOffset StartOfTradingDay()
    {
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), NewYork);
        var midnight = local.Date;
        return new DateTimeOffset(midnight, NewYork.GetUtcOffset(midnight));
    }
}
