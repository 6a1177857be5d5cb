using System.Net.Http.Json;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Hosting;

/// <summary>
/// The server as deployed: its own files started from <c>/</c> with the minimal Production settings in environment
/// variables. It used to read its settings from the working directory and not start at all.
/// </summary>
public sealed class PublishedServerTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"alpaca-connect-published-{Guid.NewGuid():N}.db");

    private Dictionary<string, string> ProductionSettings(int port) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["Alpaca__Mode"] = "Sandbox",
        ["Sandbox__AllowOutsideDevelopment"] = "true",
        ["Jwt__SigningKey"] = ApiFactory.TestSigningKey,
        ["DataProtection__CertificatePath"] = TestCertificate.Shared.Path,
        ["DataProtection__CertificatePassword"] = TestCertificate.Shared.Password,
        ["Persistence__ConnectionString"] = $"Data Source={_database}",
    };

    [Fact]
    public async Task ThePublishedServerStartedFromTheRootFolderAnswersTypename()
    {
        var port = ApiFactory.FreeLoopbackPort();
        await using var server = ServerProcess.Start("/", ProductionSettings(port));
        await server.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });
        var body = await GraphQLHttp.ReadAsync(response);

        Assert.Equal("Query", body.Data.GetProperty("__typename").GetString());
        Assert.Contains($"Content root path: {ServerProcess.AppFolder}", server.StdOut, StringComparison.Ordinal);
        Assert.Contains("Alpaca:Mode is Sandbox in Production", server.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingSettingStopsThePublishedServerWithOneLineNamingItAndExitCode1()
    {
        var settings = ProductionSettings(ApiFactory.FreeLoopbackPort());
        settings.Remove("Alpaca__Mode");
        await using var server = ServerProcess.Start("/", settings);

        var exitCode = await server.WaitForExitAsync();

        Assert.Equal(1, exitCode);
        var line = Assert.Single(server.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: Alpaca:Mode must be set outside Development", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", server.StdOut + server.StdErr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-shm", "-wal" })
        {
            File.Delete(_database + suffix);
        }
    }
}
