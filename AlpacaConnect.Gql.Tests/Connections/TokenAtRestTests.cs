using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Tests.Sandbox;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Connections;

/// <summary>Tokens at rest (T-OA-08): bound to their row, and readable across a key rotation.</summary>
public sealed class TokenAtRestTests : IDisposable
{
    private readonly SandboxHost _host = new();
    private readonly ConnectDriver _driver;

    public TokenAtRestTests()
    {
        _host.WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo);
        _driver = new ConnectDriver(_host);
    }

    private async Task<Guid> ConnectAsync(string appUser, string sandboxUser) =>
        Guid.Parse((await _driver.ConnectAsync(appUser, sandboxUser)).Data.GetProperty("completeAlpacaConnection").GetProperty("connection").GetProperty("id").GetString()!);

    private IAlpacaCredentialStore Store => _host.Services.GetRequiredService<IAlpacaCredentialStore>();

    [Fact]
    public async Task ACiphertextCopiedIntoAnotherUsersRowDoesNotDecrypt()
    {
        var alice = await ConnectAsync("app-alice", "alice");
        var bob = await ConnectAsync("app-bob", "bob");
        await using (var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var aliceCiphertext = await db.Set<AlpacaConnection>().Where(c => c.Id == alice).Select(c => c.AccessTokenCiphertext).SingleAsync();
            await db.Set<AlpacaConnection>().Where(c => c.Id == bob).ExecuteUpdateAsync(c => c.SetProperty(x => x.AccessTokenCiphertext, aliceCiphertext));
        }

        var stolen = await Store.GetAsync(bob, CancellationToken.None);
        var call = await Record.ExceptionAsync(() =>
            _host.Services.GetRequiredService<IAlpacaClientFactory>().ForConnection(new AlpacaConnectionRef(bob, AlpacaEnvironment.Paper)).GetAccountAsync());

        Assert.Null(stolen);
        Assert.IsType<AlpacaReauthRequiredException>(call);
        Assert.NotNull(await Store.GetAsync(alice, CancellationToken.None));
    }

    [Fact]
    public async Task StoredTokensStillDecryptAfterTheKeyRingRotates()
    {
        var alice = await ConnectAsync("app-alice", "alice");
        var before = (await Store.GetAsync(alice, CancellationToken.None))!.AccessToken;

        var keys = _host.Services.GetRequiredService<IKeyManager>();
        var now = TimeProvider.System.GetUtcNow();
        keys.CreateNewKey(now, now.AddDays(90));
        await _driver.ConnectAsync("app-bob", "bob");

        Assert.True(keys.GetAllKeys().Count >= 2);
        Assert.Equal(before, (await Store.GetAsync(alice, CancellationToken.None))!.AccessToken);
    }

    public void Dispose()
    {
        _driver.Dispose();
        _host.Dispose();
    }
}
