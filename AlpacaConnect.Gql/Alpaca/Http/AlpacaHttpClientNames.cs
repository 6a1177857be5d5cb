namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>
/// Names of the <see cref="System.Net.Http.IHttpClientFactory"/> clients that call Alpaca. Tests replace their primary
/// handler (<c>services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(...)</c>) to stand in for Alpaca.
/// </summary>
internal static class AlpacaHttpClientNames
{
    public const string TradingPaper = "Alpaca.Trading.Paper";
    public const string TradingLive = "Alpaca.Trading.Live";
    public const string AccountPaper = "Alpaca.Account.Paper";
    public const string AccountLive = "Alpaca.Account.Live";
    public const string MarketData = "Alpaca.MarketData";
    public const string OAuth = "Alpaca.OAuth";

    public static IReadOnlyList<string> All { get; } = [TradingPaper, TradingLive, AccountPaper, AccountLive, MarketData, OAuth];

    public static string Trading(AlpacaEnvironment environment) =>
        environment == AlpacaEnvironment.Live ? TradingLive : TradingPaper;

    /// <summary>The account screens' client (<c>IAlpacaAccountApi</c>): the trading host, a client of its own.</summary>
    public static string Account(AlpacaEnvironment environment) =>
        environment == AlpacaEnvironment.Live ? AccountLive : AccountPaper;
}
