using System.Text;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlpacaConnect.Gql.Tests.Connections;

public sealed class TokenSecrecyTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"alpaca-connect-secrecy-{Guid.NewGuid():N}.db");
    private readonly LogCapture _logs = new();
    private readonly SandboxHost _host = new();
    private readonly ConnectDriver _driver;

    public TokenSecrecyTests()
    {
        _host.WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo)
            .WithSetting("Persistence:ConnectionString", $"Data Source={_database}")
            .WithSetting("Logging:LogLevel:Default", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft", "Trace")
            .WithSetting("Logging:LogLevel:System.Net.Http.HttpClient", "Trace")
            .WithSetting("Logging:LogLevel:Polly", "Trace")
            .WithServices(services => services.AddSingleton<ILoggerProvider>(_logs));
        _driver = new ConnectDriver(_host);
    }

    [Fact]
    public async Task TheTokenNeverAppearsInTheDatabaseFileLogsOrResponses()
    {
        var completed = await _driver.ConnectAsync("app-alice");
        var id = Guid.Parse(completed.Data.GetProperty("completeAlpacaConnection").GetProperty("connection").GetProperty("id").GetString()!);
        await _host.Services.GetRequiredService<IAlpacaClientFactory>().ForConnection(new AlpacaConnectionRef(id, AlpacaEnvironment.Paper)).GetAccountAsync();
        await _driver.ConnectionAsync("app-alice");
        var token = (await _host.Services.GetRequiredService<IAlpacaCredentialStore>().GetAsync(id, CancellationToken.None))!.AccessToken;
        SqliteConnection.ClearAllPools();

        var files = Directory.GetFiles(Path.GetDirectoryName(_database)!, Path.GetFileName(_database) + "*");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(token)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(token)));
        }

        Assert.NotEmpty(_logs.Text);
        Assert.DoesNotContain(token, _logs.Text, StringComparison.Ordinal);
        Assert.All(_driver.Responses, raw => Assert.DoesNotContain(token, raw, StringComparison.Ordinal));
        Assert.DoesNotContain(_host.OAuthClient.ClientSecret, _logs.Text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _driver.Dispose();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_database)!, Path.GetFileName(_database) + "*"))
        {
            File.Delete(file);
        }
    }
}
