namespace AlpacaConnect.Gql.Hosting;

/// <summary>How the server treats its own process (section <c>Runtime</c>).</summary>
internal sealed class RuntimeOptions
{
    public const string Section = "Runtime";

    /// <summary>Give unused memory back to the operating system when the server goes quiet (<see cref="IdleMemoryRelease"/>).</summary>
    public bool ReleaseMemoryWhenIdle { get; set; } = true;
}
