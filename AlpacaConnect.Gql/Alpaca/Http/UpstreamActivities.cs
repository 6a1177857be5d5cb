using System.Diagnostics;

namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>
/// The source of the spans of requests sent to Alpaca. It bears the server's one source name (Observability's
/// <c>AppActivities.SourceName</c>) so that those spans are children of the GraphQL operation's span in one trace;
/// it is declared here so that the boundary does not depend on Observability.
/// </summary>
internal static class UpstreamActivities
{
    public const string SourceName = "AlpacaConnect.Gql";

    public static readonly ActivitySource Source = new(SourceName);
}
