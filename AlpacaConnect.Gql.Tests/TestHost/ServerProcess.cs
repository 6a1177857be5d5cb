using System.Diagnostics;
using System.Text;

namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>
/// The server's build output (the same files <c>dotnet publish</c> lays out) run as an operator runs it:
/// <c>dotnet AlpacaConnect.Gql.dll</c> as a child process, from another working directory, configured only through
/// environment variables. Killed when disposed. Waits have a generous hang guard; nothing asserts how long they took.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process) => _process = process;

    /// <summary>The folder of the server's build output, next to this test assembly's own configuration.</summary>
    public static string AppFolder { get; } = RepositoryRoot.Combine(
        "AlpacaConnect.Gql", "bin", new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0");

    public string StdOut
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StdErr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static ServerProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppFolder, "AlpacaConnect.Gql.dll"));
        // Only what the test gives: nothing inherited may configure the server (an environment, a section).
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.Contains("__", StringComparison.Ordinal) || k == "DOTNET_ENVIRONMENT").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, line) => server.OnOutput(line.Data);
        process.ErrorDataReceived += (_, line) => server.OnError(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Until the server says it listens; fails with its output if it exits first.</summary>
    public async Task WaitUntilListeningAsync()
    {
        using var guard = new CancellationTokenSource(HangGuard);
        var exited = _process.WaitForExitAsync(guard.Token);
        if (await Task.WhenAny(_listening.Task, exited) != _listening.Task)
        {
            throw new Xunit.Sdk.XunitException($"The server did not start: exit {(_process.HasExited ? _process.ExitCode : "none")}\n{StdOut}\n{StdErr}");
        }
    }

    /// <summary>The exit code, once the server has ended on its own.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var guard = new CancellationTokenSource(HangGuard);
        await _process.WaitForExitAsync(guard.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stdout)
        {
            _stdout.AppendLine(line);
        }

        if (line.Contains("Now listening on:", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    private void OnError(string? line)
    {
        if (line is not null)
        {
            lock (_stderr)
            {
                _stderr.AppendLine(line);
            }
        }
    }
}
