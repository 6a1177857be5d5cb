using AlpacaConnect.Gql.GraphQL.Schema;

namespace AlpacaConnect.Gql.Account;

internal static class AccountExtensions
{
    /// <summary>The <c>account</c> query (needs <c>AddTradingReads()</c>).</summary>
    public static WebApplicationBuilder AddAccount(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccountLoader>();
        builder.Services.AddQueryFields<AccountQueries>();
        return builder;
    }
}
