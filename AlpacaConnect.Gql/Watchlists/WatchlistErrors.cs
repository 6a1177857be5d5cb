using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Watchlists;

/// <summary>The connection was granted without <see cref="Scope"/>; reconnecting asks for it again. Nothing was sent.</summary>
internal sealed record ScopeMissingError(string Scope)
    : PayloadError(ErrorCodes.ScopeMissing, $"Changing watchlists needs Alpaca's '{Scope}' scope, which this connection was not granted; connect again and approve it.");

/// <summary>No watchlist of the caller's has this id (another account's reads the same).</summary>
internal sealed record WatchlistNotFoundError(string WatchlistId)
    : PayloadError(ErrorCodes.NotFound, "No watchlist with this id.");

/// <summary>An input breaks a rule checked here (<see cref="Field"/> names it) or one Alpaca answered 422 for (null field).</summary>
internal sealed record WatchlistInputError(string? Field, string Message)
    : PayloadError(ErrorCodes.BadUserInput, Message);

internal sealed record WatchlistNameTakenError(string Name)
    : PayloadError(ErrorCodes.WatchlistNameTaken, "The account already has a watchlist with this name.");

/// <summary>Alpaca's call budget for the account is spent; nothing changed.</summary>
internal sealed record WatchlistRateLimitedError(int? RetryAfter)
    : PayloadError(ErrorCodes.RateLimited, "Too many calls to Alpaca for this account; nothing changed. Try again later.");
