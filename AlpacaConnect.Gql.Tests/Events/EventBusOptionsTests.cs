using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Events;

/// <summary>A Redis bus without its server stops the server at start-up, naming the setting and not repeating its value.</summary>
public sealed class EventBusOptionsTests
{
    [Theory]
    [InlineData(null, "Streaming:Redis:ConnectionString is required")]
    [InlineData("password=secret-value-1", "Streaming:Redis:ConnectionString names no server")]
    [InlineData("127.0.0.1:6379,nonsense=secret-value-1", "Streaming:Redis:ConnectionString is not a StackExchange.Redis configuration string")]
    public void ARedisBusWithoutAUsableConnectionStringDoesNotStart(string? connectionString, string message)
    {
        using var factory = new ApiFactory()
            .WithSetting("Streaming:EventBus", "Redis")
            .WithSetting("Streaming:Redis:ConnectionString", connectionString);

        var error = OptionsFailure.Of(() => factory.CreateClient());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AChannelPrefixWithPatternCharactersDoesNotStart()
    {
        using var factory = new ApiFactory()
            .WithSetting("Streaming:EventBus", "Redis")
            .WithSetting("Streaming:Redis:ConnectionString", "127.0.0.1:6379")
            .WithSetting("Streaming:Redis:ChannelPrefix", "app*");

        var error = OptionsFailure.Of(() => factory.CreateClient());

        Assert.Contains("Streaming:Redis:ChannelPrefix", error.Message, StringComparison.Ordinal);
    }
}
