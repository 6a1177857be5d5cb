using AlpacaConnect.Gql.Tests.Sandbox;

namespace AlpacaConnect.Gql.Tests.Connections;

/// <summary>
/// A returnTo that matches the allow-list but holds characters no HTTP Location header may carry is refused when the
/// flow starts, not discovered by the callback after the state was used up.
/// </summary>
public sealed class ReturnToShapeTests : IDisposable
{
    private readonly SandboxHost _host = new();
    private readonly ConnectDriver _driver;

    public ReturnToShapeTests()
    {
        _host.WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo);
        _driver = new ConnectDriver(_host);
    }

    public void Dispose()
    {
        _driver.Dispose();
        _host.Dispose();
    }

    [Theory]
    [InlineData("?x=é")]
    [InlineData("?x=\u0001")]
    [InlineData("?x=\u007f")]
    [InlineData("?x=\u2028")]
    [InlineData("?x=a b")]
    [InlineData("?x=\ud83d\ude00")]
    public async Task AnAllowedReturnToWithNonAsciiOrControlCharactersIsRefusedAtTheStart(string suffix)
    {
        var response = await _driver.GraphQLAsync("app-alice",
            "mutation($input: ConnectAlpacaInput!) { connectAlpaca(input: $input) { authorizationUrl errors { ... on Error { code } } } }",
            new { input = new { environment = "PAPER", returnTo = ConnectDriver.ReturnTo + suffix } });

        Assert.True(response.Errors.Count == 0, response.Raw);
        var payload = response.Data.GetProperty("connectAlpaca");
        Assert.Equal("RETURN_TO_NOT_ALLOWED", Assert.Single(payload.GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnAllowedReturnToWithAnEscapedQueryStillCompletes()
    {
        var callback = await _driver.DecideAsync(await _driver.StartAsync("app-alice", returnTo: ConnectDriver.ReturnTo + "?x=%C3%A9&y=1"));

        var (status, location, _) = await _driver.CallbackAsync(callback);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, status);
        Assert.False(string.IsNullOrEmpty(ConnectDriver.QueryValue(location!, "completionCode")), location!.ToString());
    }
}
