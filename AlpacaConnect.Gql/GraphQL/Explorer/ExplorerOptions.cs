using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.GraphQL.Explorer;

/// <summary>The Banana Cake Pop explorer served to browsers at the GraphQL path (configuration section <c>GraphQL:Explorer</c>).</summary>
internal sealed class ExplorerOptions
{
    public const string Section = "GraphQL:Explorer";

    /// <summary>Serve the explorer. Defaults to on in Development and off elsewhere.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Folder of the <c>@chillicream/bananacakepop-graphql-ide</c> bundle. Default: that package in the
    /// nearest <c>node_modules</c> above the content root (installed by <c>npm ci</c>, which the build runs when it is missing).
    /// </summary>
    public string? BundlePath { get; set; }

    /// <summary>
    /// Development only: the app user the explorer is signed in as. Its <c>bcp-config.json</c> then carries a
    /// fresh <c>/dev/token</c> JWT for this user as the <c>Authorization</c> header, which Banana Cake Pop sends
    /// with every HTTP request and in the WebSocket <c>connection_init</c>. Empty: the explorer is anonymous.
    /// Ignored outside Development, where no token is ever handed out.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9._@-]{0,64}$", ErrorMessage = "GraphQL:Explorer:DevUser must be empty or 1 to 64 characters: letters, digits, '.', '_', '-' or '@'.")]
    public string DevUser { get; set; } = "dev-user";
}
