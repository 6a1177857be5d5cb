namespace AlpacaConnect.Gql.Alpaca;

/// <summary>Which upstream the server talks to.</summary>
internal enum AlpacaMode
{
    /// <summary>The embedded simulator under <c>/sandbox</c> (default): no credentials, no network.</summary>
    Sandbox,

    /// <summary>Real Alpaca (paper and live hosts); needs OAuth client credentials.</summary>
    Alpaca,
}
