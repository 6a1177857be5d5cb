namespace AlpacaConnect.Sandbox.Matching;

/// <summary>
/// What makes an asset an option contract (SPEC-2026 <c>OptionContract</c>). <see cref="Multiplier"/> values the
/// premium; when <see cref="PublishesMultiplier"/> is false the JSON leaves <c>multiplier</c> out, as a non-standard
/// contract on older data may (UNVERIFIED, facts-more 10), so clients can be tested against its absence.
/// </summary>
public sealed record SandboxOptionContract(
    string UnderlyingSymbol,
    Guid UnderlyingAssetId,
    string Type,
    DateOnly ExpirationDate,
    decimal StrikePrice,
    decimal Multiplier,
    decimal Size,
    bool PublishesMultiplier = true)
{
    public string Style => "american";
}
