using System.Text.Json;
using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary>Wire objects to the public upstream models.</summary>
internal static class ResponseMapping
{
    public static AlpacaAccount ToModel(this AccountWire w) => new()
    {
        Id = w.Id,
        AccountNumber = w.AccountNumber ?? "",
        Status = WireEnum<AlpacaAccountStatus>.Parse(w.Status),
        Currency = w.Currency ?? "USD",
        Cash = w.Cash ?? 0,
        BuyingPower = w.BuyingPower ?? 0,
        RegtBuyingPower = w.RegtBuyingPower,
        DaytradingBuyingPower = w.DaytradingBuyingPower,
        NonMarginableBuyingPower = w.NonMarginableBuyingPower,
        OptionsBuyingPower = w.OptionsBuyingPower,
        Equity = w.Equity ?? 0,
        LastEquity = w.LastEquity,
        PortfolioValue = w.PortfolioValue,
        LongMarketValue = w.LongMarketValue,
        ShortMarketValue = w.ShortMarketValue,
        InitialMargin = w.InitialMargin,
        MaintenanceMargin = w.MaintenanceMargin,
        Multiplier = w.Multiplier,
        TradingBlocked = w.TradingBlocked ?? false,
        TransfersBlocked = w.TransfersBlocked ?? false,
        AccountBlocked = w.AccountBlocked ?? false,
        TradeSuspendedByUser = w.TradeSuspendedByUser ?? false,
        ShortingEnabled = w.ShortingEnabled ?? false,
        PatternDayTrader = w.PatternDayTrader,
        DaytradeCount = w.DaytradeCount,
        CreatedAt = w.CreatedAt,
    };

    public static AlpacaOrder ToModel(this OrderWire w) => new()
    {
        Id = w.Id,
        ClientOrderId = w.ClientOrderId,
        Symbol = w.Symbol,
        AssetId = w.AssetId,
        AssetClass = w.AssetClass,
        Status = WireEnum<AlpacaOrderStatus>.Parse(w.Status),
        Type = WireEnum<AlpacaOrderType>.Parse(w.Type),
        Side = WireEnum<AlpacaOrderSide>.Parse(w.Side),
        TimeInForce = WireEnum<AlpacaTimeInForce>.Parse(w.TimeInForce),
        // Simple equity orders carry "" (facts 2.3).
        OrderClass = w.OrderClass is null or "" ? AlpacaOrderClass.Simple : WireEnum<AlpacaOrderClass>.Parse(w.OrderClass),
        Qty = w.Qty,
        Notional = w.Notional,
        FilledQty = w.FilledQty ?? 0,
        FilledAvgPrice = w.FilledAvgPrice,
        LimitPrice = w.LimitPrice,
        StopPrice = w.StopPrice,
        TrailPrice = w.TrailPrice,
        TrailPercent = w.TrailPercent,
        HighWaterMark = w.Hwm,
        ExtendedHours = w.ExtendedHours ?? false,
        CreatedAt = w.CreatedAt,
        UpdatedAt = w.UpdatedAt,
        SubmittedAt = w.SubmittedAt,
        FilledAt = w.FilledAt,
        ExpiredAt = w.ExpiredAt,
        CanceledAt = w.CanceledAt,
        FailedAt = w.FailedAt,
        ReplacedAt = w.ReplacedAt,
        ReplacedBy = w.ReplacedBy,
        Replaces = w.Replaces,
        Legs = w.Legs?.Select(ToModel).ToList() ?? [],
    };

    public static AlpacaPosition ToModel(this PositionWire w) => new()
    {
        Symbol = w.Symbol,
        AssetId = w.AssetId,
        Exchange = w.Exchange,
        AssetClass = w.AssetClass,
        Side = WireEnum<AlpacaPositionSide>.Parse(w.Side),
        Qty = w.Qty,
        QtyAvailable = w.QtyAvailable,
        AvgEntryPrice = w.AvgEntryPrice ?? 0,
        MarketValue = w.MarketValue,
        CostBasis = w.CostBasis,
        UnrealizedPl = w.UnrealizedPl,
        UnrealizedPlpc = w.UnrealizedPlpc,
        UnrealizedIntradayPl = w.UnrealizedIntradayPl,
        UnrealizedIntradayPlpc = w.UnrealizedIntradayPlpc,
        CurrentPrice = w.CurrentPrice,
        LastdayPrice = w.LastdayPrice,
        ChangeToday = w.ChangeToday,
    };

    public static AlpacaClock ToModel(this ClockWire w) => new(w.Timestamp, w.IsOpen, w.NextOpen, w.NextClose);

    public static AlpacaAsset ToModel(this AssetWire w) => new()
    {
        Id = w.Id,
        Symbol = w.Symbol,
        Name = w.Name,
        AssetClass = w.Class,
        Exchange = w.Exchange,
        Cusip = w.Cusip,
        Status = WireEnum<AlpacaAssetStatus>.Parse(w.Status),
        Tradable = w.Tradable ?? false,
        Marginable = w.Marginable ?? false,
        Shortable = w.Shortable ?? false,
        EasyToBorrow = w.EasyToBorrow ?? false,
        BorrowStatus = w.BorrowStatus,
        Fractionable = w.Fractionable ?? false,
        MaintenanceMarginRequirement = w.MaintenanceMarginRequirement,
        MarginRequirementLong = w.MarginRequirementLong,
        MarginRequirementShort = w.MarginRequirementShort,
        MinOrderSize = w.MinOrderSize,
        MinTradeIncrement = w.MinTradeIncrement,
        PriceIncrement = w.PriceIncrement,
        Attributes = w.Attributes ?? [],
    };

    public static AlpacaQuote ToModel(this LatestQuoteWire w, string symbol) => w.Quote.ToModel(w.Symbol ?? symbol);

    /// <summary>The symbol's quote from a multi-symbol answer; a symbol left out is NotFound, as a 404 would be.</summary>
    public static AlpacaQuote QuoteOf(this LatestQuotesWire w, string symbol) =>
        w.Quotes?.GetValueOrDefault(symbol) is { } quote
            ? quote.ToModel(symbol)
            : throw new AlpacaApiException(AlpacaErrorKind.NotFound, $"No latest quote for {symbol}.");

    internal static AlpacaQuote ToModel(this QuoteWire q, string symbol) => new()
    {
        Symbol = symbol,
        Timestamp = q.Timestamp,
        AskPrice = q.AskPrice,
        AskSize = q.AskSize,
        AskExchange = q.AskExchange,
        BidPrice = q.BidPrice,
        BidSize = q.BidSize,
        BidExchange = q.BidExchange,
        Conditions = q.Conditions ?? [],
        Tape = q.Tape,
    };

    public static AlpacaTrade ToModel(this LatestTradeWire w, string symbol) => w.Trade.ToModel(w.Symbol ?? symbol);

    internal static AlpacaTrade ToModel(this TradeWire t, string symbol) => new()
    {
        Symbol = symbol,
        Timestamp = t.Timestamp,
        Price = t.Price,
        Size = t.Size,
        Exchange = t.Exchange,
        TradeId = t.Id,
        Conditions = t.Conditions ?? [],
        Tape = t.Tape,
    };

    public static AlpacaCancelOrderResult ToModel(this CancelOrderResultWire w) =>
        new(w.Id, w.Status, Error(w.Body).Message);

    public static AlpacaClosePositionResult ToModel(this ClosePositionResultWire w)
    {
        var succeeded = w.Status is >= 200 and < 300;
        var order = succeeded && w.Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("id", out _)
            ? body.Deserialize<OrderWire>(WireJson.Options)?.ToModel()
            : null;
        var (code, message) = succeeded ? (null, null) : Error(w.Body);
        return new AlpacaClosePositionResult(w.Symbol, w.Status, order, code, message);
    }

    private static (int? Code, string? Message) Error(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } error)
        {
            return (null, null);
        }

        int? code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        return (code, message);
    }
}
