using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Alpaca.Clients;

internal sealed class AlpacaClientFactory(IServiceProvider services, IOptions<AlpacaOptions> options) : IAlpacaClientFactory
{
    public IAlpacaTradingClient ForConnection(AlpacaConnectionRef connection)
    {
        if (connection.ConnectionId == Guid.Empty)
        {
            throw new ArgumentException("A connection id is required.", nameof(connection));
        }

        EnvironmentPolicy.EnsureAllowed(options.Value, connection.Environment);
        return new AlpacaTradingClient(
            connection,
            services.GetRequiredKeyedService<IAlpacaTradingApi>(connection.Environment),
            services.GetRequiredService<IAlpacaMarketDataApi>());
    }
}
