namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>The real server with the test-only probe fields (<see cref="ProbeQueries"/>, <see cref="ProbeSubscriptions"/>).</summary>
public sealed class ProbeApiFactory : ApiFactory
{
    public ProbeApiFactory()
    {
        WithServices(ProbeQueries.AddProbe);
        WithServices(ProbeSubscriptions.AddProbe);
    }
}
