using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Sandbox.Wire;

/// <summary>
/// Alpaca's Account object. Money is strings; <c>bod_dtbp</c>, <c>crypto_tier</c> and <c>options_trading_level</c> are
/// numbers. Sandbox accounts are cash accounts (multiplier 1). The PDT fields (<c>pattern_day_trader</c>,
/// <c>daytrade_count</c>, <c>daytrading_buying_power</c>) are not sent: Alpaca removed them on 2026-07-06 (facts-more 0.1).
/// </summary>
internal sealed record SandboxAccountWire(
    Guid Id, object AdminConfigurations, object? UserConfigurations, string AccountNumber, string Status, string CryptoStatus,
    string Currency, decimal BuyingPower, decimal RegtBuyingPower, decimal OptionsBuyingPower,
    decimal EffectiveBuyingPower, decimal NonMarginableBuyingPower, int BodDtbp, decimal Cash, decimal AccruedFees,
    decimal PendingTransferIn, decimal PortfolioValue, bool TradingBlocked, bool TransfersBlocked,
    bool AccountBlocked, DateTimeOffset CreatedAt, bool TradeSuspendedByUser, string Multiplier, bool ShortingEnabled,
    decimal Equity, decimal LastEquity, decimal LongMarketValue, decimal ShortMarketValue, decimal PositionMarketValue,
    decimal InitialMargin, decimal MaintenanceMargin, decimal LastMaintenanceMargin, decimal Sma,
    string BalanceAsof, int CryptoTier, int OptionsTradingLevel, decimal IntradayAdjustments, decimal PendingRegTafFees)
{
    /// <summary>Call under the account's lock.</summary>
    public static SandboxAccountWire From(SandboxAccount a, PriceFeed prices, decimal startingCash, DateOnly today)
    {
        var longValue = a.LongMarketValue(prices);
        var equity = a.Cash + longValue;
        var buyingPower = Math.Round(a.BuyingPower(prices), 2);
        return new SandboxAccountWire(
            a.Id, new { }, null, a.Number, "ACTIVE", "INACTIVE", "USD", buyingPower, buyingPower, buyingPower,
            buyingPower, buyingPower, 0, a.Cash, 0, 0, equity, a.TradingBlocked, false, a.AccountBlocked, a.CreatedAt, a.TradeSuspendedByUser, "1", false,
            equity, startingCash, longValue, 0, longValue, 0, 0, 0, 0,
            today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 0, 0, 0, 0);
    }
}
