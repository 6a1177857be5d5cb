using System.Globalization;

namespace AlpacaConnect.Bench.Hosting;

/// <summary>Linux's own accounting of a process and of the machine, read from <c>/proc</c>.</summary>
public static class ProcFs
{
    /// <summary>VmRSS of a process, in bytes.</summary>
    public static long ResidentBytes(int pid) => KiloBytesField($"/proc/{pid}/status", "VmRSS:") * 1024;

    /// <summary>
    /// CPU time a process has used so far, user and kernel (fields 14 and 15 of <c>/proc/PID/stat</c>, in clock ticks of
    /// 1/100 s on Linux). The command name in field 2 may hold spaces, so fields are counted after its closing parenthesis.
    /// </summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>MemTotal of the machine, in bytes.</summary>
    public static long TotalMemoryBytes() => KiloBytesField("/proc/meminfo", "MemTotal:") * 1024;

    /// <summary>The 1, 5 and 15 minute load averages: how busy the machine was around a run.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static long KiloBytesField(string file, string field)
    {
        foreach (var line in File.ReadLines(file))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var value = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No {field} in {file}.");
    }
}
