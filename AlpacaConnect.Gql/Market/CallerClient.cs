using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Trading.Reads;
using GraphQL;

namespace AlpacaConnect.Gql.Market;

/// <summary>The Alpaca client of the caller's connection, for the ticket's fields.</summary>
internal static class CallerClient
{
    public static async Task<IAlpacaTradingClient> ClientAsync(IResolveFieldContext context)
    {
        var connection = await context.RequestServices!.GetRequiredService<CallerConnection>().RequireAsync(context);
        return context.RequestServices!.GetRequiredService<IAlpacaClientFactory>().ForConnection(connection);
    }
}
