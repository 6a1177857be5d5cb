using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.GraphQL.TrustedDocuments;

/// <summary>Persisted operations (configuration section <c>GraphQL:TrustedDocuments</c>).</summary>
internal sealed class TrustedDocumentsOptions
{
    public const string Section = "GraphQL:TrustedDocuments";

    /// <summary>
    /// <c>Off</c>, <c>Allow</c> (the default: manifest ids and ad-hoc documents) or <c>Only</c> (manifest
    /// operations only; what an app that moves money should run in Production).
    /// </summary>
    [EnumDataType(typeof(TrustedDocumentsMode))]
    public TrustedDocumentsMode Mode { get; set; } = TrustedDocumentsMode.Allow;

    /// <summary>
    /// An Apollo persisted query manifest file to trust instead of the one built into the server (the operations
    /// of <c>examples/</c>): the manifest an app's build generated from its own operations.
    /// </summary>
    public string? ManifestPath { get; set; }

    /// <summary>Apollo's automatic persisted queries (register a document by its hash, then send the hash alone). Never in <c>Only</c> mode.</summary>
    public bool AutomaticPersistedQueries { get; set; } = true;

    /// <summary>Most memory, in bytes of document text, the automatic persisted query cache holds before it evicts.</summary>
    [Range(64 * 1024, 256 * 1024 * 1024)]
    public int AutomaticPersistedQueriesCacheBytes { get; set; } = 4 * 1024 * 1024;
}
