using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Connections;

/// <summary>
/// The server in Alpaca mode against a sandbox that lives in another host, so the upstream (and its
/// tokens) outlive a restart of the server: the stored, encrypted connection must keep working.
/// </summary>
public sealed class ConnectionRestartTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"alpaca-connect-restart-{Guid.NewGuid():N}.db");
    private readonly SandboxHost _upstream = new();

    private ApiFactory Server(int port) => _upstream.AsUpstreamOf(
        new ApiFactory()
            .WithSetting("Persistence:ConnectionString", $"Data Source={_database}")
            .WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo),
        $"http://127.0.0.1:{port}/auth/alpaca/callback");

    [Fact]
    public async Task AServerRestartedOnTheSameDatabaseStillUsesTheStoredConnection()
    {
        string connectionId;
        var firstPort = ApiFactory.FreeLoopbackPort();
        using (var first = Server(firstPort))
        {
            var address = first.StartOnLoopback(firstPort);
            using var driver = new ConnectDriver(first, () => address);
            var completed = await driver.ConnectAsync("app-alice");
            connectionId = completed.Data.GetProperty("completeAlpacaConnection").GetProperty("connection").GetProperty("id").GetString()!;
        }

        var secondPort = ApiFactory.FreeLoopbackPort();
        using var second = Server(secondPort);
        var secondAddress = second.StartOnLoopback(secondPort);
        using var secondDriver = new ConnectDriver(second, () => secondAddress);
        var before = _upstream.Control.Requests.Count;

        var connection = await secondDriver.ConnectionAsync("app-alice");
        var account = await second.Services.GetRequiredService<IAlpacaClientFactory>()
            .ForConnection(new AlpacaConnectionRef(Guid.Parse(connectionId), AlpacaEnvironment.Paper))
            .GetAccountAsync();

        Assert.Equal(connectionId, connection.GetProperty("id").GetString());
        Assert.Equal("CONNECTED", connection.GetProperty("status").GetString());
        Assert.Equal("PA3ALICE0001", account.AccountNumber);
        Assert.Contains(_upstream.Control.Requests.Skip(before), r => r.Path == "/sandbox/paper/v2/account" && r.Status == 200);
    }

    public void Dispose()
    {
        _upstream.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_database)!, Path.GetFileName(_database) + "*"))
        {
            File.Delete(file);
        }
    }
}
