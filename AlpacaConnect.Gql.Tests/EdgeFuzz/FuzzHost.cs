using Microsoft.Extensions.Hosting;
using AlpacaConnect.Gql.Tests.Connections;
using AlpacaConnect.Gql.Tests.Sandbox;

namespace AlpacaConnect.Gql.Tests.EdgeFuzz;

/// <summary>
/// Every setting of the fuzz run in one place. The host runs as Production (the sandbox opted in, the key ring
/// encrypted, as a staging server would), so answers are what Production users see. The test host raises the limits
/// meant for abusive clients (rate limits, socket caps), so they never refuse the fuzzer's honest volume.
/// </summary>
public static class FuzzHost
{
    /// <summary>Fixed, so a failure can be replayed input for input.</summary>
    public const int Seed = 18_2026;

    public const int HttpInputs = 4_000;
    public const int SocketSessions = 600;
    public const int CallbackInputs = 400;
    public const int SandboxFormInputs = 600;

    /// <summary>The bound for every single answer, and for the server to be idle after the last one.</summary>
    public static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(1);

    public static SandboxHost Create()
    {
        var host = new SandboxHost { EnvironmentName = Environments.Production };
        host.WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo)
            .WithSetting("Alpaca:Resilience:RetryBaseDelay", "00:00:00.001");
        return host;
    }
}
