using System.Globalization;

namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// Reads Linux /proc: a process's CPU time (utime + stime of /proc/PID/stat, in clock ticks of 1/100 s) and resident
/// memory (VmRSS of /proc/PID/status), and the whole machine's busy and total CPU time (/proc/stat).
/// </summary>
internal static class ProcFs
{
    /// <summary>USER_HZ: Linux reports process and machine times in hundredths of a second on every common platform.</summary>
    public const double TicksPerSecond = 100;

    /// <summary>CPU time and RSS of process <paramref name="pid"/>, or null when it is gone or /proc is missing.</summary>
    public static ProcessSample? Process(int pid, long timestamp)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces and parentheses: fields are counted after its closing ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return new ProcessSample(timestamp, ticks / TicksPerSecond, RssMiB(pid));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Busy (user, nice, system, irq, softirq, steal) and total CPU seconds of all cores since boot, or null.</summary>
    public static (double Busy, double Total)? Machine()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            var v = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            var busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
            return (busy / TicksPerSecond, (busy + v[3] + v[4]) / TicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The CPU model name from /proc/cpuinfo, or "unknown".</summary>
    public static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) is { } line
                ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
                : "unknown";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static double RssMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }
}
