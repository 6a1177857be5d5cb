using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Control;

/// <summary>
/// The control endpoints move prices, inject faults and revoke tokens: whoever reaches them steers every account the
/// simulator holds. In Development they stay open for tests and tinkering; with <c>Sandbox:ControlSecret</c> set (and
/// always outside Development) a caller must send that secret in <see cref="Header"/>.
/// </summary>
internal sealed class ControlSecretFilter(IOptions<SandboxOptions> options, IHostEnvironment environment) : IEndpointFilter
{
    public const string Header = "X-Sandbox-Control-Secret";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var secret = options.Value.ControlSecret;
        if (string.IsNullOrEmpty(secret) ? environment.IsDevelopment() : Matches(context.HttpContext.Request, secret))
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            detail: string.IsNullOrEmpty(secret)
                ? "The sandbox control endpoints are closed outside Development until Sandbox:ControlSecret is set."
                : $"Send the configured Sandbox:ControlSecret in the {Header} header."));
    }

    private static bool Matches(HttpRequest request, string secret) =>
        request.Headers.TryGetValue(Header, out var sent) && sent.Count == 1
        // Hashing first makes the comparison constant-time whatever the lengths.
        && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(sent.ToString())), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
