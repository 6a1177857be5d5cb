using System.Text.Json;
using AlpacaConnect.Gql.Tests.Trading.Reads;

namespace AlpacaConnect.Gql.Tests.Account;

public sealed class AccountQueryTests : IDisposable
{
    private const string Fields = "id accountNumber status environment currency cash buyingPower regtBuyingPower equity lastEquity longMarketValue multiplier tradingBlocked accountBlocked tradeSuspendedByUser transfersBlocked shortingEnabled patternDayTrader";
    private readonly ReadsHost _host = new();

    [Fact]
    public async Task TheAccountIsTheConnectedSandboxAccountWithMoneyAsDecimalStrings()
    {
        await _host.ConnectAsync("app-alice", "alice");
        await _host.BuyAndFillAsync("alice", "AAPL", 10m, 190m);

        var response = await _host.QueryAsync("app-alice", $"{{ account {{ {Fields} }} }}");

        Assert.Empty(response.Errors);
        var account = response.Data.GetProperty("account");
        Assert.Equal("PA3ALICE0001", account.GetProperty("accountNumber").GetString());
        Assert.Equal("ACTIVE", account.GetProperty("status").GetString());
        Assert.Equal("PAPER", account.GetProperty("environment").GetString());
        Assert.Equal("USD", account.GetProperty("currency").GetString());
        Assert.Equal(100000m - 1900.1m, account.Amount("cash"));
        Assert.Equal(1900m, account.Amount("longMarketValue")); // valued at the price, not the ask paid
        _ = account.Amount("buyingPower");
        _ = account.Amount("equity");
        _ = account.Amount("multiplier");
        Assert.False(account.GetProperty("tradingBlocked").GetBoolean());
        Assert.False(account.GetProperty("accountBlocked").GetBoolean());
        Assert.False(account.GetProperty("tradeSuspendedByUser").GetBoolean());
    }

    [Fact]
    public async Task WithoutAConnectionEveryReadIsNotConnectedAndNothingIsCalledUpstream()
    {
        foreach (var query in new[] { "{ account { cash } }", "{ positions { qty } }", "{ position(symbol: \"AAPL\") { qty } }", "{ marketClock { isOpen } }" })
        {
            var response = await _host.QueryAsync("app-nobody", query);

            Assert.Equal(["NOT_CONNECTED"], response.ErrorCodes);
        }

        Assert.Equal(0, _host.UpstreamTradingCalls);
    }

    [Fact]
    public async Task ARevokedTokenIsReauthRequiredAndAfterwardsNothingIsCalledUpstream()
    {
        _host.WithSetting("Trading:Cache:AccountTtl", "00:00:00");
        await _host.ConnectAsync("app-alice", "alice");
        var fingerprint = _host.Control.Requests.Last(r => r.Route == "GET /v2/account").TokenFingerprint!;
        Assert.Equal(1, _host.Control.RevokeTokenByFingerprint(fingerprint));

        var refused = await _host.QueryAsync("app-alice", "{ account { cash } }");
        var calls = _host.UpstreamTradingCalls;
        var again = await _host.QueryAsync("app-alice", "{ account { cash } positions { qty } marketClock { isOpen } }");

        Assert.Equal(["REAUTH_REQUIRED"], refused.ErrorCodes);
        Assert.Equal(["REAUTH_REQUIRED", "REAUTH_REQUIRED", "REAUTH_REQUIRED"], again.ErrorCodes);
        Assert.Equal(calls, _host.UpstreamTradingCalls);
        Assert.Equal("REAUTH_REQUIRED", (await _host.Driver.ConnectionAsync("app-alice")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task EachUserSeesOnlyTheirOwnAccount()
    {
        await _host.ConnectAsync("app-alice", "alice");
        await _host.ConnectAsync("app-bob", "bob");

        var reads = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            _host.QueryAsync(i % 2 == 0 ? "app-alice" : "app-bob", "{ account { accountNumber } }")));

        for (var i = 0; i < reads.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? "PA3ALICE0001" : "PA3BOB000002", reads[i].Data.GetProperty("account").GetProperty("accountNumber").GetString());
        }
    }

    [Fact]
    public async Task ReadsNeedASignedInUser()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.BaseUri };

        var response = await TestHost.GraphQLHttp.PostGraphQLAsync(anonymous, "{ account { cash } positions { qty } marketClock { isOpen } guardrails { maxOrdersPerDay } }");

        Assert.All(response.ErrorCodes, code => Assert.Equal("UNAUTHENTICATED", code));
        Assert.Equal(4, response.ErrorCodes.Count);
        Assert.False(response.HasData && response.Data.ValueKind == JsonValueKind.Object);
    }

    public void Dispose() => _host.Dispose();
}
