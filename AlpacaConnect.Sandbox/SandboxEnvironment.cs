namespace AlpacaConnect.Sandbox;

/// <summary>Alpaca's two trading environments; a token is granted for one or both.</summary>
public enum SandboxEnvironment
{
    Paper,
    Live,
}

public static class SandboxEnvironments
{
    /// <summary>The environment of the endpoint serving this request; null on the shared hosts.</summary>
    public static SandboxEnvironment? Of(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnvironmentMetadata>()?.Environment;

    public static string RouteName(this SandboxEnvironment environment) =>
        environment == SandboxEnvironment.Paper ? "paper" : "live";
}

/// <summary>Marks the endpoints of one environment's Trading API host.</summary>
internal sealed record EnvironmentMetadata(SandboxEnvironment Environment);
