using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.OAuth;

namespace AlpacaConnect.Sandbox.Trading;

/// <summary>The authenticated caller of a Trading API request: its grant and the account of this environment.</summary>
internal sealed record SandboxCaller(SandboxGrant Grant, SandboxAccount Account)
{
    public static SandboxCaller Of(HttpContext context) =>
        context.Items[typeof(SandboxCaller)] as SandboxCaller
        ?? throw new InvalidOperationException("The Trading API filter did not run.");
}
