namespace AlpacaConnect.Gql.Observability.Logging;

/// <summary>A secret from another part's configuration (the embedded simulator's control secret), read once options are final.</summary>
internal sealed record ConfiguredSecret(Func<string?> Read);
