using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Alpaca.Clients;

internal sealed class AlpacaClientFactory(IServiceProvider services, IOptions<AlpacaOptions> options) : IAlpacaClientFactory
{
    public IAlpacaAccountClient AccountFor(AlpacaConnectionRef connection)
    {
        Check(connection);
        return new AlpacaAccountClient(connection, services.GetRequiredKeyedService<IAlpacaAccountApi>(connection.Environment));
    }

    public IAlpacaTradingClient ForConnection(AlpacaConnectionRef connection)
    {
        Check(connection);
        return new AlpacaTradingClient(
            connection,
            services.GetRequiredKeyedService<IAlpacaTradingApi>(connection.Environment),
            services.GetRequiredService<IAlpacaMarketDataApi>());
    }

    private void Check(AlpacaConnectionRef connection)
    {
        if (connection.ConnectionId == Guid.Empty)
        {
            throw new ArgumentException("A connection id is required.", nameof(connection));
        }

        EnvironmentPolicy.EnsureAllowed(options.Value, connection.Environment);
    }
}
