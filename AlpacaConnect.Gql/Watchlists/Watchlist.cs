using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Watchlists;

/// <summary>A watchlist as read, with the connection it was read through (its assets may still need reading).</summary>
internal sealed record Watchlist(AlpacaWatchlist Alpaca, AlpacaConnectionRef Connection);
