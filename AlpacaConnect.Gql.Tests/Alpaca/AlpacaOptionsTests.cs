using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Http;
using AlpacaConnect.Gql.Hosting;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Tests.Alpaca;

/// <summary>Configuration: Alpaca mode refuses to start without its credentials; Sandbox mode finds its own address.</summary>
public sealed class AlpacaOptionsTests
{
    [Theory]
    [InlineData("Alpaca:ClientSecret")]
    [InlineData("Alpaca:ClientId")]
    [InlineData("Alpaca:RedirectUri")]
    public void AlpacaModeWithoutACredentialSettingDoesNotStart(string missing)
    {
        using var factory = AlpacaModeFactory().WithSetting(missing, null);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = FindValidationError(error);
        Assert.Contains(missing, validation.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("real-secret-value", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlpacaModeUsesAlpacasHosts()
    {
        using var factory = AlpacaModeFactory();
        var http = factory.Services.GetRequiredService<IHttpClientFactory>();

        Assert.Equal(new Uri("https://paper-api.alpaca.markets"), http.CreateClient(AlpacaHttpClientNames.TradingPaper).BaseAddress);
        Assert.Equal(new Uri("https://api.alpaca.markets"), http.CreateClient(AlpacaHttpClientNames.TradingLive).BaseAddress);
        Assert.Equal(new Uri("https://data.alpaca.markets"), http.CreateClient(AlpacaHttpClientNames.MarketData).BaseAddress);
        Assert.Equal(new Uri("https://api.alpaca.markets/oauth/token"), http.CreateClient(AlpacaHttpClientNames.OAuth).BaseAddress);
        var authorize = factory.Services.GetRequiredService<IAlpacaOAuthClient>()
            .BuildAuthorizeUrl("s", new Uri("https://app.example/auth/alpaca/callback"), null, AlpacaEnvironment.Paper);
        Assert.Equal("https://app.alpaca.markets/oauth/authorize", authorize.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public void SandboxModeStartsWithoutCredentials()
    {
        using var factory = new ApiFactory();

        Assert.Equal(AlpacaMode.Sandbox, factory.Services.GetRequiredService<IOptions<AlpacaOptions>>().Value.Mode);
        Assert.NotNull(factory.Services.GetRequiredService<IAlpacaClientFactory>());
    }

    [Fact]
    public void SandboxModeCallsTheServersOwnAddress()
    {
        using var factory = new ApiFactory();
        var origin = factory.StartOnLoopback();
        var http = factory.Services.GetRequiredService<IHttpClientFactory>();

        Assert.Equal(new Uri(origin, "/sandbox/paper"), http.CreateClient(AlpacaHttpClientNames.TradingPaper).BaseAddress);
        Assert.Equal(new Uri(origin, "/sandbox/oauth/token"), http.CreateClient(AlpacaHttpClientNames.OAuth).BaseAddress);
        Assert.Equal(new Uri(origin, "/auth/alpaca/callback"), factory.Services.GetRequiredService<IAlpacaOAuthClient>().DefaultRedirectUri);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://[::]:5080", "http://localhost:5080/")]
    [InlineData("http://+:80", "http://localhost/")]
    [InlineData("https://*:7443", "https://localhost:7443/")]
    [InlineData("http://127.0.0.1:41234", "http://127.0.0.1:41234/")]
    [InlineData("http://[::1]:5000", "http://[::1]:5000/")]
    public void ListeningAddressesBecomeCallable(string listening, string callable)
    {
        Assert.Equal(new Uri(callable), OwnServerAddress.Callable(listening));
    }

    private static ApiFactory AlpacaModeFactory() => new ApiFactory()
        .WithSetting("Alpaca:Mode", "Alpaca")
        .WithSetting("Alpaca:ClientId", "fc9c55efa3924f369d6c1148e668bbe8")
        .WithSetting("Alpaca:ClientSecret", "real-secret-value")
        .WithSetting("Alpaca:RedirectUri", "https://app.example/auth/alpaca/callback");

    private static OptionsValidationException FindValidationError(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is OptionsValidationException validation)
            {
                return validation;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault() is { } inner)
            {
                return inner;
            }
        }

        throw new Xunit.Sdk.XunitException($"No OptionsValidationException in {error}");
    }
}
