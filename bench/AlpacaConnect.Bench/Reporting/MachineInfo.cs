using System.Diagnostics;
using System.Runtime.InteropServices;
using AlpacaConnect.Bench.Hosting;

namespace AlpacaConnect.Bench.Reporting;

/// <summary>What the figures were taken on: they mean little without it.</summary>
public sealed record MachineInfo(
    string Cpu, int Cores, double MemoryGiB, string OperatingSystem, string Kernel, string Runtime, string Sdk,
    string Commit, bool UncommittedChanges, string LoadAverageAtStart)
{
    public static MachineInfo Describe(string repositoryRoot) => new(
        Cpu: CpuModel(),
        Cores: Environment.ProcessorCount,
        MemoryGiB: Math.Round(ProcFs.TotalMemoryBytes() / (1024.0 * 1024 * 1024), 1),
        OperatingSystem: OsName(),
        Kernel: File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : RuntimeInformation.OSDescription,
        Runtime: RuntimeInformation.FrameworkDescription,
        Sdk: Run("dotnet", repositoryRoot, "--version"),
        Commit: Run("git", repositoryRoot, "rev-parse", "HEAD"),
        UncommittedChanges: Run("git", repositoryRoot, "status", "--porcelain", "--untracked-files=no").Length > 0,
        LoadAverageAtStart: ProcFs.LoadAverage());

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static string OsName() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
              ?? RuntimeInformation.OSDescription
            : RuntimeInformation.OSDescription;

    private static string Run(string command, string directory, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(command) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
