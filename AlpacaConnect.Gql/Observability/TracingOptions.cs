namespace AlpacaConnect.Gql.Observability;

/// <summary>Where traces go (configuration section <c>Observability:Tracing</c>); read once at start-up.</summary>
internal sealed class TracingOptions
{
    public const string Section = "Observability:Tracing";

    /// <summary>
    /// An OTLP collector (e.g. <c>http://localhost:4317</c>) that receives the traces of GraphQL operations and Alpaca
    /// calls. Unset: spans are still created for in-process listeners, but nothing is exported.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }
}
