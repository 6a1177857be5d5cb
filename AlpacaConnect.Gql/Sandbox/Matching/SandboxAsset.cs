namespace AlpacaConnect.Gql.Sandbox.Matching;

/// <summary>A tradable instrument of the sandbox, with its opening price.</summary>
public sealed record SandboxAsset(
    Guid Id,
    string Symbol,
    string Name,
    string Exchange,
    bool Fractionable,
    decimal OpeningPrice)
{
    public string Class => "us_equity";
}
