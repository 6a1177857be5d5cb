using System.Diagnostics;

namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>
/// Runs a Node.js script of <c>AlpacaConnect.Gql.Tests/Interop/</c> with the repository's npm packages
/// (installed by the test command). A missing node or package fails the test loudly.
/// </summary>
public static class NodeScript
{
    public sealed record Outcome(int ExitCode, string StdOut, string StdErr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
    }

    public static Task<Outcome> RunAsync(string script, IEnumerable<string> args, TimeSpan? limit = null) =>
        RunFileAsync(RepositoryRoot.Combine("AlpacaConnect.Gql.Tests", "Interop", script), args, limit);

    /// <summary>Runs a script anywhere in the repository (e.g. <c>scripts/</c>), from the repository's root.</summary>
    public static async Task<Outcome> RunFileAsync(string path, IEnumerable<string> args, TimeSpan? limit = null)
    {
        var script = System.IO.Path.GetFileName(path);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish: {await stdout}{await stderr}");
        }

        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
