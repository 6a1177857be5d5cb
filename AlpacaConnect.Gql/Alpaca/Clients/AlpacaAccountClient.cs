using System.Globalization;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Alpaca.Wire;

namespace AlpacaConnect.Gql.Alpaca.Clients;

/// <summary>The facade over <see cref="IAlpacaAccountApi"/>: public models in, wire objects out of sight.</summary>
internal sealed class AlpacaAccountClient(AlpacaConnectionRef connection, IAlpacaAccountApi api) : IAlpacaAccountClient
{
    private Guid Id => connection.ConnectionId;

    public async Task<AlpacaPortfolioHistory> GetPortfolioHistoryAsync(
        string period, string timeframe, string? intradayReporting, CancellationToken cancellationToken = default)
    {
        var w = await api.GetPortfolioHistoryAsync(Id, period, timeframe, intradayReporting, cancellationToken);
        var stamps = w.Timestamp ?? [];
        // The arrays are parallel; a short one reads as nulls rather than failing the whole chart.
        var points = stamps.Select((t, i) => new AlpacaEquityPoint(
            DateTimeOffset.FromUnixTimeSeconds(t), At(w.Equity, i), At(w.ProfitLoss, i), At(w.ProfitLossPct, i))).ToList();
        return new AlpacaPortfolioHistory(points, w.BaseValue, Date(w.BaseValueAsof), w.Timeframe ?? timeframe);
    }

    public async Task<IReadOnlyList<AlpacaActivity>> ListActivitiesAsync(
        IReadOnlyCollection<string>? types, int pageSize, string? pageToken, CancellationToken cancellationToken = default)
    {
        var list = await api.ListActivitiesAsync(Id, types is { Count: > 0 } ? string.Join(',', types) : null, "desc", pageSize, pageToken, cancellationToken);
        return list.Select(a => new AlpacaActivity
        {
            Id = a.Id, ActivityType = a.ActivityType, SubType = a.ActivitySubType, TransactionTime = a.TransactionTime, FillType = a.Type,
            Price = a.Price, Qty = a.Qty, CumQty = a.CumQty, LeavesQty = a.LeavesQty, Side = a.Side, Symbol = a.Symbol,
            OrderId = Guid.TryParse(a.OrderId, out var orderId) ? orderId : null, OrderStatus = a.OrderStatus, Date = Date(a.Date),
            CreatedAt = a.CreatedAt, NetAmount = a.NetAmount, PerShareAmount = a.PerShareAmount, Currency = a.Currency, Status = a.Status,
            Description = a.Description,
        }).ToList();
    }

    public async Task<IReadOnlyList<AlpacaMarketDay>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken = default)
    {
        var days = await api.GetCalendarAsync(Id, Text(start), Text(end), cancellationToken);
        return days.Select(d => Date(d.Date) is { } date && Time(d.Open) is { } open && Time(d.Close) is { } close
                ? new AlpacaMarketDay(date, open, close, Time(d.SessionOpen), Time(d.SessionClose), Date(d.SettlementDate))
                : throw new AlpacaApiException(AlpacaErrorKind.InvalidResponse, "Alpaca's calendar answer could not be read."))
            .ToList();
    }

    public async Task<IReadOnlyList<AlpacaWatchlist>> ListWatchlistsAsync(CancellationToken cancellationToken = default) =>
        (await api.ListWatchlistsAsync(Id, cancellationToken)).Select(Model).ToList();

    public async Task<AlpacaWatchlist> GetWatchlistAsync(Guid id, CancellationToken cancellationToken = default) =>
        Model(await api.GetWatchlistAsync(Id, id, cancellationToken));

    public async Task<AlpacaWatchlist> CreateWatchlistAsync(string name, IReadOnlyList<string> symbols, CancellationToken cancellationToken = default) =>
        Model(await api.CreateWatchlistAsync(Id, new WatchlistBodyWire(name, [.. symbols]), cancellationToken));

    public async Task<AlpacaWatchlist> UpdateWatchlistAsync(Guid id, string name, IReadOnlyList<string> symbols, CancellationToken cancellationToken = default) =>
        Model(await api.UpdateWatchlistAsync(Id, id, new WatchlistBodyWire(name, [.. symbols]), cancellationToken));

    public async Task<AlpacaWatchlist> AddWatchlistSymbolAsync(Guid id, string symbol, CancellationToken cancellationToken = default) =>
        Model(await api.AddWatchlistSymbolAsync(Id, id, new WatchlistSymbolWire(symbol), cancellationToken));

    public Task RemoveWatchlistSymbolAsync(Guid id, string symbol, CancellationToken cancellationToken = default) =>
        api.RemoveWatchlistSymbolAsync(Id, id, symbol, cancellationToken);

    public Task DeleteWatchlistAsync(Guid id, CancellationToken cancellationToken = default) => api.DeleteWatchlistAsync(Id, id, cancellationToken);

    private static AlpacaWatchlist Model(WatchlistWire w) =>
        new(w.Id, w.Name, w.CreatedAt, w.UpdatedAt, w.Assets?.Select(a => a.ToModel()).ToList());

    private static decimal? At(List<decimal?>? values, int i) => values is not null && i < values.Count ? values[i] : null;

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The date part of a date or date-time; null for anything else (e.g. the "0000-00-00" seen in 2025).</summary>
    private static DateOnly? Date(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary><c>HH:MM</c> or <c>HHMM</c> (facts-more 6.1).</summary>
    private static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HHmm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}
