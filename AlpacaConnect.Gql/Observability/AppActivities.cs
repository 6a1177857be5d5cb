using System.Diagnostics;

namespace AlpacaConnect.Gql.Observability;

/// <summary>
/// The server's spans: one per GraphQL operation (type and name, never the document or variables) and one per request
/// to Alpaca (route template and status, never the filled path, query or headers).
/// </summary>
internal static class AppActivities
{
    public const string SourceName = "AlpacaConnect.Gql";

    public static readonly ActivitySource Source = new(SourceName);
}
