namespace AlpacaConnect.Gql.Trading.Reads;

/// <summary>The <c>what</c> of <see cref="ConnectionReadCache"/> keys; each names one upstream read and its type.</summary>
public static class ReadKinds
{
    /// <summary><c>GET /v2/account</c>, an <c>AlpacaAccount</c>.</summary>
    public const string Account = "account";

    /// <summary><c>GET /v2/positions</c>, an <c>IReadOnlyList&lt;AlpacaPosition&gt;</c>.</summary>
    public const string Positions = "positions";

    /// <summary><c>GET /v2/clock</c>, an <c>AlpacaClock</c>.</summary>
    public const string Clock = "clock";
}
