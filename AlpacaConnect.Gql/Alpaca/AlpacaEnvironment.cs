namespace AlpacaConnect.Gql.Alpaca;

/// <summary>Which of a user's Alpaca accounts a connection trades: paper (simulated) or live (real money).</summary>
internal enum AlpacaEnvironment
{
    Paper,
    Live,
}
