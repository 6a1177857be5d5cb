namespace AlpacaConnect.Sandbox;

/// <summary>Where the sandbox serves Alpaca's hosts, relative to this server's base address.</summary>
public static class SandboxPaths
{
    public const string Root = "/sandbox";

    /// <summary>Alpaca: <c>https://app.alpaca.markets/oauth/authorize</c>.</summary>
    public const string Authorize = Root + "/oauth/authorize";

    /// <summary>Alpaca: <c>https://api.alpaca.markets/oauth/token</c>, shared by paper and live.</summary>
    public const string Token = Root + "/oauth/token";

    /// <summary>Alpaca: <c>https://data.alpaca.markets</c>.</summary>
    public const string MarketData = Root + "/data";

    public const string Control = Root + "/control";

    /// <summary>Trading API base (Alpaca: <c>https://paper-api.alpaca.markets</c> or <c>https://api.alpaca.markets</c>);
    /// append <c>/v2/...</c>.</summary>
    public static string Trading(SandboxEnvironment environment) => $"{Root}/{environment.RouteName()}";

    /// <summary>The trade_updates WebSocket (Alpaca: <c>wss://paper-api.alpaca.markets/stream</c>).</summary>
    public static string Stream(SandboxEnvironment environment) => $"{Trading(environment)}/stream";
}
