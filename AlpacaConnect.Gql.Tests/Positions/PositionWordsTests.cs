using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Positions;
using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Tests.Positions;

/// <summary>Words Alpaca may add later read as UNKNOWN, never as a crash; symbols match as clients write them.</summary>
public sealed class PositionWordsTests
{
    [Theory]
    [InlineData("us_equity", "UsEquity")]
    [InlineData("us_option", "UsOption")]
    [InlineData("crypto", "Crypto")]
    [InlineData("us_future", "Unknown")]
    [InlineData(null, "Unknown")]
    public void AssetClassesReadWithUnknownAsFallback(string? wire, string expected) =>
        Assert.Equal(expected, AssetClasses.Parse(wire).ToString());

    [Fact]
    public void UnknownValuesAreServedAsUnknown()
    {
        Assert.Equal("UNKNOWN", new PositionSideGraphType().Serialize(AlpacaPositionSide.Unknown));
        Assert.Equal("UNKNOWN", new AssetClassGraphType().Serialize(AssetClass.Unknown));
        Assert.Equal("UNKNOWN", new AccountStatusGraphType().Serialize(AlpacaAccountStatus.Unknown));
    }

    [Theory]
    [InlineData("AAPL", "aapl", true)]
    [InlineData("BTCUSD", "BTC/USD", true)]
    [InlineData("AAPL", " AAPL ", true)]
    [InlineData("AAPL", "AAP", false)]
    [InlineData("BRK.B", "BRKB", false)]
    public void SymbolsMatchAsClientsWriteThem(string held, string asked, bool matches) =>
        Assert.Equal(matches, PositionSymbol.Matches(held, asked));
}
