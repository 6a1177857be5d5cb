using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Observability.Logging;
using AlpacaConnect.Gql.Tests.Connections;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlpacaConnect.Gql.Tests.Observability;

/// <summary>The safety net: a secret that slips into a log call is masked before any log provider sees it, and counted.</summary>
public sealed partial class LogRedactionTests : IDisposable
{
    private readonly LogCapture _logs = new();
    private readonly SandboxHost _host = new();
    private readonly ConnectDriver _driver;

    public LogRedactionTests()
    {
        _host.WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo)
            .WithServices(services => services.AddSingleton<ILoggerProvider>(_logs));
        _driver = new ConnectDriver(_host);
    }

    public void Dispose()
    {
        _driver.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task SecretsPassedToALoggerAreMaskedInMessagesValuesExceptionsAndScopes()
    {
        var completed = await _driver.ConnectAsync("app-alice");
        var id = Guid.Parse(completed.Data.GetProperty("completeAlpacaConnection").GetProperty("connection").Str("id"));
        var token = (await _host.Services.GetRequiredService<IAlpacaCredentialStore>().GetAsync(id, CancellationToken.None))!.AccessToken;
        var clientSecret = _host.OAuthClient.ClientSecret;
        var jwt = _host.TokenFor("app-alice");
        var logger = _host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Deliberate.Leak");

        var header = $"Authorization: Bearer {jwt}";
        var url = new Uri($"https://app.test/done?completionCode=one-time-code-0123456789&state=st-{token}");

        LogBareValue(logger, token); // a bare UUID: masked because the vault saw it
        LogHeader(logger, header);
        LogUrl(logger, url);
        LogBareValue(logger, clientSecret);
        using (logger.BeginScope("Calling Alpaca with {Authorization}", "Bearer " + token))
        {
            LogFailed(logger, new InvalidOperationException($"Alpaca echoed {{\"access_token\":\"{token}\"}}"));
        }

        var leaked = _logs.Text.Split('\n').Where(line => line.Contains("Deliberate.Leak", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, leaked.Count);
        var text = string.Join('\n', leaked);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(clientSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(jwt, text, StringComparison.Ordinal);
        Assert.DoesNotContain("one-time-code-0123456789", text, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer ***", text, StringComparison.Ordinal);
        Assert.Contains("completionCode=***&state=***", text, StringComparison.Ordinal);
        Assert.Contains("\"access_token\":\"***\"", text, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException", text, StringComparison.Ordinal); // the exception's type survives

        using var http = _host.Http();
        var scrape = await MetricsScrape.ReadAsync(http);
        Assert.Equal(6, scrape.Value("alpaca_connect_log_redactions_total", ("category", "Deliberate.Leak")));
    }

    [Theory]
    [InlineData("GET /auth/alpaca/callback?code=79500537-5796-4230-9661-7f7108877c60&state=abcdefgh", "GET /auth/alpaca/callback?code=***&state=***")]
    [InlineData("grant_type=refresh_token&refresh_token=r1-secret&client_id=app", "grant_type=refresh_token&refresh_token=***&client_id=app")]
    [InlineData("{\"access_token\": \"79500537\", \"token_type\": \"bearer\"}", "{\"access_token\": \"***\", \"token_type\": \"bearer\"}")]
    [InlineData("{\"action\":\"authenticate\",\"data\":{\"oauth_token\":\"79500537\"}}", "{\"action\":\"authenticate\",\"data\":{\"oauth_token\":\"***\"}}")]
    [InlineData("authorization: Bearer 79500537-5796-4230", "authorization: Bearer ***")]
    [InlineData("APCA-API-SECRET-KEY: abc123", "APCA-API-SECRET-KEY: ***")]
    [InlineData("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl here", "token *** here")]
    public void ShapesThatCarryCredentialsAreMasked(string text, string expected) =>
        Assert.Equal(expected, new SecretRedactor(new KnownSecrets()).Redact(text));

    [Theory]
    [InlineData("Alpaca answered 422 (40010001) to POST /v2/orders: qty must be > 0")]
    [InlineData("Connection 3f2b8c1e-0a4d-4c7e-9b1a-2d5e6f708192 marked REAUTH_REQUIRED")]
    [InlineData("Bearer was not authenticated. Failure message: No token")]
    [InlineData("WebSocket state: Open, error code 4400")]
    public void OrdinaryTextIsLeftAlone(string text)
    {
        var redactor = new SecretRedactor(new KnownSecrets());

        Assert.Same(text, redactor.Redact(text));
    }

    [Fact]
    public void AKnownSecretIsMaskedWhereverItStandsAndOnlyIt()
    {
        var secrets = new KnownSecrets();
        secrets.Add("79500537-5796-4230-9661-7f7108877c60");
        secrets.Add("short");
        var redactor = new SecretRedactor(secrets);

        Assert.Equal("token *** expired; id 3f2b8c1e-0a4d-4c7e-9b1a-2d5e6f708192; short",
            redactor.Redact("token 79500537-5796-4230-9661-7f7108877c60 expired; id 3f2b8c1e-0a4d-4c7e-9b1a-2d5e6f708192; short"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Value {Value}")]
    private static partial void LogBareValue(ILogger logger, string value);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sending with header {Header}")]
    private static partial void LogHeader(ILogger logger, string header);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redirecting to {Url}")]
    private static partial void LogUrl(ILogger logger, Uri url);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
