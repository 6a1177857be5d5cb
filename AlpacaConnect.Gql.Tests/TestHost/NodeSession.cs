using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>
/// A Node.js script of <c>Interop/</c> driven command by command: one JSON line in on stdin, answers as lines
/// <c>OUT &lt;json&gt;</c> on stdout. For clients that must act between the test's own steps.
/// </summary>
public sealed class NodeSession : IAsyncDisposable
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly Channel<JsonElement> _answers = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> _unclaimed = [];
    private readonly StringBuilder _log = new();
    private readonly Task _reader;

    public NodeSession(string script, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepositoryRoot.Combine("AlpacaConnect.Gql.Tests", "Interop", script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginErrorReadLine();
        _reader = ReadAsync();
    }

    /// <summary>What the script printed, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task SendAsync(object command)
    {
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(command));
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Answers read past by <see cref="ExpectAsync"/> and not claimed since.</summary>
    public IReadOnlyList<JsonElement> Unclaimed => _unclaimed;

    /// <summary>The first answer (in order) that <paramref name="match"/> accepts; answers skipped stay for later calls.</summary>
    public async Task<JsonElement> ExpectAsync(Func<JsonElement, bool> match)
    {
        if (_unclaimed.FindIndex(a => match(a)) is var index and >= 0)
        {
            var found = _unclaimed[index];
            _unclaimed.RemoveAt(index);
            return found;
        }

        using var timeout = new CancellationTokenSource(SafetyTimeout);
        try
        {
            while (true)
            {
                var answer = await _answers.Reader.ReadAsync(timeout.Token);
                if (match(answer))
                {
                    return answer;
                }

                _unclaimed.Add(answer);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            throw new Xunit.Sdk.XunitException($"No expected answer from the script:\n{Output}");
        }
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            Log(line);
            if (line.StartsWith("OUT ", StringComparison.Ordinal))
            {
                await _answers.Writer.WriteAsync(JsonDocument.Parse(line[4..]).RootElement.Clone());
            }
        }

        _answers.Writer.Complete();
    }

    private void Log(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(SafetyTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _reader;
        _process.Dispose();
    }
}
