using AlpacaConnect.Sandbox;
using AlpacaConnect.Gql.Tests.Connections;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary><c>Sandbox:GeneratedUsers</c>: benchmark users after alice, bob and carol, connectable like alice.</summary>
public sealed class GeneratedUsersTests : IDisposable
{
    private readonly SandboxHost _host = new();

    [Fact]
    public async Task GeneratedUsersFollowTheSeededOnesWithStableIdsAndConnectThroughConsent()
    {
        _host.WithSetting("Sandbox:GeneratedUsers", "3").WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo);
        using var driver = new ConnectDriver(_host);
        using var other = new SandboxHost();
        other.WithSetting("Sandbox:GeneratedUsers", "3");

        var users = _host.Control.Users;
        var completed = await driver.ConnectAsync("app-bench-2", sandboxUser: "user-0002");
        var connection = completed.Data.GetProperty("completeAlpacaConnection").GetProperty("connection");
        var paper = await (await _host.Trading(SandboxEnvironment.Paper, _host.Token(user: "user-0003")).GetAsync("v2/account")).JsonAsync();

        Assert.Equal(["alice", "bob", "carol", "user-0001", "user-0002", "user-0003"], users.Select(u => u.Id));
        Assert.Equal("Sandbox User 0002", users[4].DisplayName);
        Assert.Equal(("PA3U00000002", "593200002"), (users[4].Paper.Number, users[4].Live.Number));
        Assert.Equal(users.Select(u => u.Paper.Id), other.Control.Users.Select(u => u.Paper.Id));
        Assert.Equal("CONNECTED", connection.GetProperty("status").GetString());
        Assert.Equal("PA3U00000002", connection.GetProperty("accountNumber").GetString());
        Assert.Equal(("PA3U00000003", 100_000m), (paper.Str("account_number"), paper.Dec("cash")));
    }

    [Fact]
    public void TheSeededUsersKeepTheirIdsWhenUsersAreGenerated()
    {
        using var plain = new SandboxHost();
        _host.WithSetting("Sandbox:GeneratedUsers", "2");

        Assert.Equal(plain.Control.Users.Select(u => u.Live.Id), _host.Control.Users.Take(3).Select(u => u.Live.Id));
        Assert.Equal(5, _host.Control.Users.Count);
    }

    [Fact]
    public void MoreThanTenThousandStopsTheStart()
    {
        _host.WithSetting("Sandbox:GeneratedUsers", "10001");

        var error = Assert.ThrowsAny<Exception>(() => _host.CreateClient());

        Assert.Contains("GeneratedUsers", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) => error switch
    {
        OptionsValidationException validation => validation.Message,
        AggregateException aggregate => string.Join(" ", aggregate.InnerExceptions.Select(Flatten)),
        { InnerException: { } inner } => error.Message + " " + Flatten(inner),
        _ => error.Message,
    };

    public void Dispose() => _host.Dispose();
}
