namespace AlpacaConnect.Gql.Observability;

/// <summary>The Prometheus scrape endpoint (configuration section <c>Observability:Metrics</c>).</summary>
internal sealed class MetricsOptions
{
    public const string Section = "Observability:Metrics";

    /// <summary>
    /// Serve the metrics in Prometheus text format at <c>/metrics</c>. Defaults to on in Development and off elsewhere:
    /// the endpoint is unauthenticated, so turn it on where only the scraper can reach it.
    /// </summary>
    public bool? Enabled { get; set; }
}
