using System.Globalization;
using AlpacaConnect.Bench.Hosting;

namespace AlpacaConnect.Bench.Scenarios.Placement;

/// <summary>
/// What the placement scenarios change on the server they start. The bench's common settings already raise the daily
/// guardrails to the highest values they accept (100,000 orders and $1,000,000,000 per user and day); each scenario
/// has a database of its own, so a user's count starts at 0 and one scenario places far fewer orders than that.
/// </summary>
public static class PlacementSettings
{
    /// <summary>The sandbox setting that seeds <c>user-0001</c>, <c>user-0002</c>, … for many-user scenarios.</summary>
    public const string GeneratedUsers = "Sandbox:GeneratedUsers";

    public static Dictionary<string, string> For(int generatedUsers = 0)
    {
        var settings = AppSettings.Unthrottled();

        // Unthrottled leaves our per-account budget at 100,000 calls a minute. A placeOrder makes several upstream
        // calls, so a server keeping up with 16 direct POSTs at once (~760/s) would spend that within a minute and be
        // held back by our own limiter; in one-second windows it is 100,000 a second, which nothing here reaches.
        settings["Alpaca:RateLimit:Window"] = "00:00:01";

        // Every order is one share of PNNY (~$0.41), bought from the account's cash: one scenario places at most some
        // 20,000 orders on one account (~$8,000 of the default $100,000). More cash leaves room for a faster server
        // or longer windows without an "insufficient buying power" in the figures.
        settings["Sandbox:StartingCash"] = "100000000";

        // The bench reads the server's SQLite writer figures from /metrics (off outside Development unless enabled).
        settings["Observability:Metrics:Enabled"] = "true";

        if (generatedUsers > 0)
        {
            settings[GeneratedUsers] = generatedUsers.ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }
}
