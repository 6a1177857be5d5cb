using AlpacaConnect.Gql.Alpaca.Http;
using AlpacaConnect.Gql.Alpaca.Wire;
using Refit;

namespace AlpacaConnect.Gql.Alpaca.Clients;

/// <summary>
/// The Trading API's account screens (facts-more 1, 2, 5, 6.1): portfolio history, activities, calendar, watchlists.
/// On the trading host and its request budget, like <see cref="IAlpacaTradingApi"/>.
/// </summary>
internal interface IAlpacaAccountApi
{
    private const string Connection = AlpacaRequestOptions.ConnectionIdKey;

    [Get("/v2/account/portfolio/history")]
    Task<PortfolioHistoryWire> GetPortfolioHistoryAsync(
        [Property(Connection)] Guid connectionId, string? period, string? timeframe,
        [AliasAs("intraday_reporting")] string? intradayReporting, CancellationToken cancellationToken);

    [Get("/v2/account/activities")]
    Task<List<ActivityWire>> ListActivitiesAsync(
        [Property(Connection)] Guid connectionId, [AliasAs("activity_types")] string? activityTypes, string direction,
        [AliasAs("page_size")] int pageSize, [AliasAs("page_token")] string? pageToken, CancellationToken cancellationToken);

    [Get("/v2/calendar")]
    Task<List<CalendarDayWire>> GetCalendarAsync([Property(Connection)] Guid connectionId, string start, string end, CancellationToken cancellationToken);

    [Get("/v2/watchlists")]
    Task<List<WatchlistWire>> ListWatchlistsAsync([Property(Connection)] Guid connectionId, CancellationToken cancellationToken);

    [Post("/v2/watchlists")]
    Task<WatchlistWire> CreateWatchlistAsync([Property(Connection)] Guid connectionId, [Body] WatchlistBodyWire body, CancellationToken cancellationToken);

    [Get("/v2/watchlists/{watchlistId}")]
    Task<WatchlistWire> GetWatchlistAsync([Property(Connection)] Guid connectionId, Guid watchlistId, CancellationToken cancellationToken);

    [Put("/v2/watchlists/{watchlistId}")]
    Task<WatchlistWire> UpdateWatchlistAsync(
        [Property(Connection)] Guid connectionId, Guid watchlistId, [Body] WatchlistBodyWire body, CancellationToken cancellationToken);

    [Post("/v2/watchlists/{watchlistId}")]
    Task<WatchlistWire> AddWatchlistSymbolAsync(
        [Property(Connection)] Guid connectionId, Guid watchlistId, [Body] WatchlistSymbolWire body, CancellationToken cancellationToken);

    // 200 with the watchlist (SPEC-2026) or an empty answer (OLD-DOCS, the Go SDK): the body is not read.
    [Delete("/v2/watchlists/{watchlistId}/{symbol}")]
    Task RemoveWatchlistSymbolAsync([Property(Connection)] Guid connectionId, Guid watchlistId, string symbol, CancellationToken cancellationToken);

    [Delete("/v2/watchlists/{watchlistId}")]
    Task DeleteWatchlistAsync([Property(Connection)] Guid connectionId, Guid watchlistId, CancellationToken cancellationToken);
}
