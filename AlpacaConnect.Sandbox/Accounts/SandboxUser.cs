namespace AlpacaConnect.Sandbox.Accounts;

/// <summary>A seeded person who can sign in on the consent page; owns one paper and one live account.</summary>
public sealed record SandboxUser(string Id, string DisplayName, SandboxAccount Paper, SandboxAccount Live)
{
    public SandboxAccount Account(SandboxEnvironment environment) =>
        environment == SandboxEnvironment.Paper ? Paper : Live;
}
