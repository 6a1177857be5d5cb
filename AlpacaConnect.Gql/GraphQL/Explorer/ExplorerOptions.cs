namespace AlpacaConnect.Gql.GraphQL.Explorer;

/// <summary>The Banana Cake Pop explorer served to browsers at the GraphQL path (configuration section <c>GraphQL:Explorer</c>).</summary>
public sealed class ExplorerOptions
{
    public const string Section = "GraphQL:Explorer";

    /// <summary>Serve the explorer. Defaults to on in Development and off elsewhere.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Folder of the <c>@chillicream/bananacakepop-graphql-ide</c> bundle. Default: that package in the
    /// nearest <c>node_modules</c> above the content root (installed by <c>npm ci</c>, which the build runs when it is missing).
    /// </summary>
    public string? BundlePath { get; set; }
}
