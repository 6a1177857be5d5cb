using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Alpaca;

/// <summary>
/// The account screens' reads and the watchlist writes for one connection (from <see cref="IAlpacaClientFactory"/>),
/// on the trading host and the account's request budget. Every failure is an <see cref="AlpacaApiException"/>; only
/// reads are retried. Callers validate their input first: nothing here checks shapes.
/// </summary>
internal interface IAlpacaAccountClient
{
    /// <summary><paramref name="period"/> e.g. <c>1M</c>, <paramref name="timeframe"/> <c>1Min|5Min|15Min|1H|1D</c>.</summary>
    Task<AlpacaPortfolioHistory> GetPortfolioHistoryAsync(string period, string timeframe, string? intradayReporting, CancellationToken cancellationToken = default);

    /// <summary>Newest first; <paramref name="pageToken"/> is the id of the last activity of the previous page.</summary>
    Task<IReadOnlyList<AlpacaActivity>> ListActivitiesAsync(
        IReadOnlyCollection<string>? types, int pageSize, string? pageToken, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AlpacaMarketDay>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AlpacaWatchlist>> ListWatchlistsAsync(CancellationToken cancellationToken = default);

    Task<AlpacaWatchlist> GetWatchlistAsync(Guid id, CancellationToken cancellationToken = default);

    Task<AlpacaWatchlist> CreateWatchlistAsync(string name, IReadOnlyList<string> symbols, CancellationToken cancellationToken = default);

    /// <summary>PUT: the name and the full symbol list (Alpaca replaces the list with what is sent).</summary>
    Task<AlpacaWatchlist> UpdateWatchlistAsync(Guid id, string name, IReadOnlyList<string> symbols, CancellationToken cancellationToken = default);

    Task<AlpacaWatchlist> AddWatchlistSymbolAsync(Guid id, string symbol, CancellationToken cancellationToken = default);

    Task RemoveWatchlistSymbolAsync(Guid id, string symbol, CancellationToken cancellationToken = default);

    Task DeleteWatchlistAsync(Guid id, CancellationToken cancellationToken = default);
}
