using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Alpaca;

/// <summary>
/// Real Alpaca cannot be called without the app's OAuth credentials; the server refuses to start rather than fail at
/// the first connect. In Sandbox mode the sandbox supplies its own client id and secret. Outside Development the mode
/// has no default: one forgotten setting must not make a production server trade against the simulator.
/// </summary>
internal sealed class AlpacaOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<AlpacaOptions>
{
    public const string ModeSetting = $"{AlpacaOptions.Section}:{nameof(AlpacaOptions.Mode)}";

    public ValidateOptionsResult Validate(string? name, AlpacaOptions options)
    {
        var failures = new List<string>();
        if (!environment.IsDevelopment() && string.IsNullOrWhiteSpace(configuration[ModeSetting]))
        {
            failures.Add($"{ModeSetting} must be set outside Development: Alpaca (Alpaca's own hosts) or Sandbox (the embedded simulator, which also needs Sandbox:AllowOutsideDevelopment=true).");
        }

        if (options.Mode == AlpacaMode.Alpaca)
        {
            Require(failures, options.ClientId, "Alpaca:ClientId", "the OAuth app's client id");
            Require(failures, options.ClientSecret, "Alpaca:ClientSecret",
                "the OAuth app's client secret; set it through the Alpaca__ClientSecret environment variable or user-secrets");
            if (options.RedirectUri is null)
            {
                failures.Add("Alpaca:RedirectUri must be set in Alpaca mode (the exact callback URI registered with Alpaca).");
            }
        }

        foreach (var (key, uri) in Urls(options))
        {
            if (uri is { IsAbsoluteUri: false })
            {
                failures.Add($"{key} must be an absolute URI.");
            }
        }

        foreach (var (key, uri) in new[] { ("Alpaca:StreamPaperUrl", options.StreamPaperUrl), ("Alpaca:StreamLiveUrl", options.StreamLiveUrl) })
        {
            if (uri is not null && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeWs && uri.Scheme != Uri.UriSchemeWss)))
            {
                failures.Add($"{key} must be an absolute ws:// or wss:// URI.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.Scopes))
        {
            failures.Add("Alpaca:Scopes must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string? value, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} must be set in Alpaca mode ({what}).");
        }
    }

    private static IEnumerable<(string Key, Uri? Uri)> Urls(AlpacaOptions o) =>
    [
        ("Alpaca:RedirectUri", o.RedirectUri),
        ("Alpaca:SandboxBaseUrl", o.SandboxBaseUrl),
        ("Alpaca:TradingPaperBaseUrl", o.TradingPaperBaseUrl),
        ("Alpaca:TradingLiveBaseUrl", o.TradingLiveBaseUrl),
        ("Alpaca:TokenUrl", o.TokenUrl),
        ("Alpaca:AuthorizeUrl", o.AuthorizeUrl),
        ("Alpaca:DataBaseUrl", o.DataBaseUrl),
    ];
}
