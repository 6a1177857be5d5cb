namespace AlpacaConnect.Gql.Trading;

/// <summary>Alpaca's asset classes (facts 2.9, 2.11, more-facts 3.3); a value this server does not know reads as Unknown.</summary>
internal enum AssetClass
{
    Unknown,
    UsEquity,
    UsOption,
    Crypto,
}

internal static class AssetClasses
{
    public static AssetClass Parse(string? wire) => wire switch
    {
        "us_equity" => AssetClass.UsEquity,
        "us_option" => AssetClass.UsOption,
        "crypto" => AssetClass.Crypto,
        _ => AssetClass.Unknown,
    };
}
