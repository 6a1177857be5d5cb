namespace AlpacaConnect.Gql.Alpaca;

/// <summary>The upstream (configuration section <c>Alpaca</c>).</summary>
public sealed class AlpacaOptions
{
    public const string Section = "Alpaca";

    /// <summary><c>Sandbox</c> (default) serves and uses the embedded simulator; <c>Alpaca</c> calls Alpaca's hosts.</summary>
    public AlpacaMode Mode { get; set; } = AlpacaMode.Sandbox;
}
