namespace AlpacaConnect.Gql.Positions;

/// <summary>Alpaca's asset classes (facts 2.9, 2.11); a value this server does not know reads as Unknown.</summary>
internal enum PositionAssetClass
{
    Unknown,
    UsEquity,
    UsOption,
    Crypto,
}

internal static class PositionAssetClasses
{
    public static PositionAssetClass Parse(string? wire) => wire switch
    {
        "us_equity" => PositionAssetClass.UsEquity,
        "us_option" => PositionAssetClass.UsOption,
        "crypto" => PositionAssetClass.Crypto,
        _ => PositionAssetClass.Unknown,
    };
}
