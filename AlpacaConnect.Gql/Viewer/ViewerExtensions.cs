using AlpacaConnect.Gql.GraphQL.Schema;

namespace AlpacaConnect.Gql.Viewer;

internal static class ViewerExtensions
{
    /// <summary>
    /// The <c>me</c> query. Apart from Identity, which authenticates users below the GraphQL layer (the transports
    /// key their limits by the user), so that Identity never depends on GraphQL.
    /// </summary>
    public static WebApplicationBuilder AddViewer(this WebApplicationBuilder builder)
    {
        builder.Services.AddQueryFields<ViewerQueries>();
        return builder;
    }
}
