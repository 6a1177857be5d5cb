namespace AlpacaConnect.Sandbox;

/// <summary>
/// The simulator alone, as a fake Alpaca any Alpaca client can be pointed at: every host under
/// <see cref="SandboxPaths.Root"/> (the same paths the server embeds it at), on the loopback port of
/// <c>Properties/launchSettings.json</c>. Not static, so a test host can name it (<c>WebApplicationFactory&lt;Program&gt;</c>).
/// </summary>
internal sealed class Program
{
    private Program()
    {
    }

    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAlpacaSandbox(builder.Configuration);

        var app = builder.Build();
        app.Map(SandboxPaths.Root, sandbox => sandbox.UseAlpacaSandbox());
        await app.RunAsync();
    }
}
