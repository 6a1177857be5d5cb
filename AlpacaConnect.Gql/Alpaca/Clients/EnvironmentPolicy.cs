namespace AlpacaConnect.Gql.Alpaca.Clients;

/// <summary>Live accounts move real money: nothing connects to or calls one unless <c>Alpaca:AllowLive</c> says so.</summary>
internal static class EnvironmentPolicy
{
    public static void EnsureAllowed(AlpacaOptions options, AlpacaEnvironment environment)
    {
        if (environment == AlpacaEnvironment.Live && !options.AllowLive)
        {
            throw new AlpacaApiException(AlpacaErrorKind.EnvironmentNotAllowed,
                "Live Alpaca accounts are disabled on this server (Alpaca:AllowLive is false).");
        }
    }
}
