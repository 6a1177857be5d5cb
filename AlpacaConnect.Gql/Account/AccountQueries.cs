using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.DataLoading;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Trading.Reads;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Account;

internal sealed class AccountQueries : IQueryFields
{
    public void AddFieldsTo(ObjectGraphType root) =>
        root.Field<TradingAccountType>("account")
            .Description("The caller's Alpaca account. Errors NOT_CONNECTED or REAUTH_REQUIRED when there is no usable connection.")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var connection = await context.RequestServices!.GetRequiredService<CallerConnection>().RequireAsync(context);
                return context.RequestServices!.GetRequiredService<AccountLoader>().Load(connection)
                    .Then(account => new TradingAccount(account, connection.Environment));
            });
}
