using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AlpacaConnect.Bench.Hosting;

/// <summary>
/// One server process (the Release build of AlpacaConnect.Gql run with <c>dotnet</c>) on a loopback port, configured
/// only through environment variables, with its output in a log file. Killing and starting it again on the same port
/// and settings is a server restart.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _serverDll;
    private readonly IReadOnlyList<string> _arguments;
    private readonly string _logPath;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _process;

    private AppProcess(
        string name, string serverDll, IReadOnlyList<string> arguments, string logDirectory, int port, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        _serverDll = serverDll;
        _arguments = arguments;
        _logPath = Path.Combine(logDirectory, name + ".log");
        _settings = settings;
        BaseUri = new Uri($"http://127.0.0.1:{port}");
    }

    public string Name { get; }

    public Uri BaseUri { get; }

    public int Pid => _process?.Id ?? throw new InvalidOperationException($"{Name} is not running.");

    /// <summary>Starts the server and waits until <c>/health/ready</c> answers.</summary>
    public static async Task<AppProcess> StartAsync(
        string name, BenchPaths paths, int port, IReadOnlyDictionary<string, string> settings)
    {
        var app = new AppProcess(name, paths.ServerDll, [], paths.WorkDirectory, port, settings);
        await app.StartAsync();
        return app;
    }

    /// <summary>
    /// Another program that takes <c>--urls</c> and answers <c>/health/ready</c> (the bench's own floor server), started,
    /// logged and stopped as the server is; <paramref name="arguments"/> go before <c>--urls</c>.
    /// </summary>
    public static async Task<AppProcess> StartAsync(
        string name, string dll, IReadOnlyList<string> arguments, BenchPaths paths, int port, IReadOnlyDictionary<string, string> settings)
    {
        var app = new AppProcess(name, dll, arguments, paths.WorkDirectory, port, settings);
        await app.StartAsync();
        return app;
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task StartAsync(TimeSpan? readyWithin = null)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_serverDll);
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUri.ToString().TrimEnd('/'));
        foreach (var (key, value) in _settings.Where(s => s.Value != AppSettings.Shipped))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var log = new StreamWriter(_logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Exited += (_, _) => Write(log, "--- process exited ---");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitReadyAsync(readyWithin ?? StartTimeout);
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: the host's graceful shutdown.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        await term.WaitForExitAsync();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    /// <summary>Resident set size from <c>/proc/&lt;pid&gt;/status</c> (VmRSS), in bytes.</summary>
    public long ResidentBytes() => ProcFs.ResidentBytes(Pid);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
    }

    private async Task WaitReadyAsync(TimeSpan readyWithin)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < readyWithin)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting; see {_logPath}.");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri(BaseUri, "/health/ready"));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name} was not ready within {readyWithin}; see {_logPath}.");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
