using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Account;

/// <summary>The caller's Alpaca account as read, with the environment of the connection it was read through.</summary>
internal sealed record TradingAccount(AlpacaAccount Alpaca, AlpacaEnvironment Environment);
