using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Observability;

/// <summary>The management port (configuration section <c>Management</c>): where a scraper reads <c>/metrics</c>.</summary>
internal sealed class ManagementOptions
{
    public const string Section = "Management";

    /// <summary>
    /// A second port the server listens on, serving only <c>/metrics</c> and the health endpoints; the app's port
    /// then answers 404 for <c>/metrics</c>. Unset: no management port (metrics follow <c>Observability:Metrics:Enabled</c>).
    /// Expose this port to the scraper only, never to the internet.
    /// </summary>
    [Range(1, 65535)]
    public int? Port { get; set; }

    /// <summary>The address the management port binds: an IP address, or <c>*</c> for every interface (the default).</summary>
    [RegularExpression(@"^(\*|[0-9A-Fa-f:.]+)$", ErrorMessage = "Management:Address must be an IP address or *.")]
    public string Address { get; set; } = "*";
}
