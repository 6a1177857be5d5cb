using System.Globalization;
using System.Text.Json;
using AlpacaConnect.Sandbox;
using AlpacaConnect.Gql.Tests.Connections;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Trading.Reads;

/// <summary>The server and its sandbox, with app users connected to sandbox users and helpers to trade and count upstream calls.</summary>
public sealed class ReadsHost : SandboxHost
{
    private ConnectDriver? _driver;

    public ReadsHost()
    {
        WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo);
    }

    public ConnectDriver Driver => _driver ??= new ConnectDriver(this);

    public async Task ConnectAsync(string appUser, string sandboxUser)
    {
        var completed = await Driver.ConnectAsync(appUser, sandboxUser);
        Assert.Equal("CONNECTED", completed.Data.GetProperty("completeAlpacaConnection").GetProperty("connection").GetProperty("status").GetString());
    }

    public Task<GraphQLResponse> QueryAsync(string appUser, string query) => Driver.GraphQLAsync(appUser, query);

    /// <summary>A market buy on the sandbox user's paper account, as another app of theirs would place it, filled at once.</summary>
    public async Task BuyAndFillAsync(string sandboxUser, string symbol, decimal qty, decimal price)
    {
        Control.SetPrice(symbol, price);
        using var paper = Trading(SandboxEnvironment.Paper, Token(user: sandboxUser));
        var body = $$"""{"symbol":"{{symbol}}","qty":"{{qty.ToString(CultureInfo.InvariantCulture)}}","side":"buy","type":"market","time_in_force":"day"}""";
        using var response = await paper.PostJsonAsync("v2/orders", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Control.ProcessNow();
    }

    /// <summary>Requests the sandbox received so far on <paramref name="route"/>, e.g. <c>GET /v2/positions</c>.</summary>
    public int Upstream(string route) => Control.Requests.Count(r => r.Route == route);

    /// <summary>Every Trading API request the sandbox received so far.</summary>
    public int UpstreamTradingCalls => Control.Requests.Count(r => r.Route.Contains(" /v2/", StringComparison.Ordinal));

    protected override void Dispose(bool disposing)
    {
        _driver?.Dispose();
        base.Dispose(disposing);
    }
}

public static class DecimalStrings
{
    /// <summary>The field is a JSON string holding an invariant decimal (never a JSON number); returns its value.</summary>
    public static decimal Amount(this JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        return decimal.Parse(value.GetString()!, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }
}
