namespace AlpacaConnect.Gql.GraphQL.TrustedDocuments;

/// <summary>Which documents the server runs (<c>GraphQL:TrustedDocuments:Mode</c>).</summary>
internal enum TrustedDocumentsMode
{
    /// <summary>No manifest: ad-hoc documents run; ids resolve only through automatic persisted queries.</summary>
    Off,

    /// <summary>Manifest ids resolve; ad-hoc documents (and automatic persisted queries) run too.</summary>
    Allow,

    /// <summary>Only manifest operations run: ad-hoc documents and registrations of unknown ones are refused.</summary>
    Only,
}
