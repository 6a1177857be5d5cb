using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Persistence;

/// <summary>Where data lives (configuration section <c>Persistence</c>).</summary>
public sealed class PersistenceOptions
{
    public const string Section = "Persistence";

    /// <summary>
    /// SQLite connection string. A relative <c>Data Source</c> is resolved against the content root and
    /// its folder is created at start-up.
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/alpaca-connect.db";
}
