using System.Net;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Trading.Reads;
using GraphQL;

namespace AlpacaConnect.Gql.Watchlists;

/// <summary>
/// Runs one watchlist write for the caller: a usable connection granted <c>account:write</c> (checked here first, so a
/// connection without it sends nothing), then the call, with Alpaca's expected failures as typed payload errors.
/// </summary>
internal sealed class WatchlistWrites(CallerConnection caller, IAlpacaClientFactory clients)
{
    public const string Scope = "account:write";

    public async Task<WatchlistPayload> RunAsync(
        IResolveFieldContext context, string? watchlistId, Func<IAlpacaAccountClient, Task<AlpacaWatchlist?>> write)
    {
        BoundConnection bound;
        try
        {
            bound = await caller.RequireBoundAsync(context);
        }
        catch (ApiException e) when (e.Code is ErrorCodes.NotConnected or ErrorCodes.ReauthRequired)
        {
            return Failed(ConnectionErrors.Of(e));
        }

        if (!bound.HasScope(Scope))
        {
            return Failed(new ScopeMissingError(Scope));
        }

        try
        {
            var list = await write(clients.AccountFor(bound.Connection));
            return new WatchlistPayload(list is null ? null : new Watchlist(list, bound.Connection), [], list is null ? watchlistId : null);
        }
        catch (AlpacaApiException e) when (Map(e, watchlistId) is { } error)
        {
            return Failed(error);
        }
    }

    public static WatchlistPayload Failed(PayloadError error) => new(null, [error]);

    private static PayloadError? Map(AlpacaApiException e, string? watchlistId) => e.Kind switch
    {
        AlpacaErrorKind.RateLimited => new WatchlistRateLimitedError(e.RetryAfter is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : null),
        AlpacaErrorKind.ReauthRequired => new ReauthRequiredError(),
        AlpacaErrorKind.NotFound when watchlistId is not null => new WatchlistNotFoundError(watchlistId),
        // A 401 that is a scope refusal is not a dead token (AlpacaErrorMapper): the grant lacks the scope after all.
        AlpacaErrorKind.Rejected when e.StatusCode == HttpStatusCode.Unauthorized => new ScopeMissingError(Scope),
        AlpacaErrorKind.Rejected when e.UpstreamMessage?.Contains("unique", StringComparison.OrdinalIgnoreCase) == true => new WatchlistNameTakenError(""),
        AlpacaErrorKind.Rejected when e.StatusCode == HttpStatusCode.UnprocessableEntity =>
            new WatchlistInputError(null, e.UpstreamMessage is { Length: > 0 } m ? $"Alpaca refused the change: {m}" : "Alpaca refused the change."),
        _ => null,
    };
}
