using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Sandbox.OAuth;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Sandbox;

/// <summary>
/// In Sandbox mode the server's Alpaca client is the sandbox's registered OAuth app: it takes the
/// sandbox's client id and (per-process) secret, and its callback is registered with the sandbox once
/// the server knows its own address. Real Alpaca credentials are never needed, nor accepted silently.
/// </summary>
internal sealed class SandboxAsUpstream(SandboxOAuthClientRegistry registry) : IPostConfigureOptions<AlpacaOptions>
{
    public void PostConfigure(string? name, AlpacaOptions options)
    {
        if (options.Mode != AlpacaMode.Sandbox)
        {
            return;
        }

        options.ClientId ??= registry.ClientId;
        options.ClientSecret ??= registry.ClientSecret;
    }

    /// <summary>Registers the server's exact callback URI with the sandbox (it depends on the port the server got).</summary>
    public static void RegisterCallbackWhenStarted(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            try
            {
                var callback = app.Services.GetRequiredService<IAlpacaOAuthClient>().DefaultRedirectUri;
                app.Services.GetRequiredService<SandboxOAuthClientRegistry>().RegisterRedirectUri(callback.OriginalString);
            }
            catch (InvalidOperationException)
            {
                // No listening address (an in-memory test server): nothing can call back anyway.
            }
        });
}
