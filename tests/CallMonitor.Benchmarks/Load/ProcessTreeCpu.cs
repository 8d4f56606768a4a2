using System.Globalization;

namespace CallMonitor.Benchmarks.Load;

/// <summary>
/// CPU seconds of a process and its children from /proc: the parent's own time, the time of its children now
/// running, and the time of the children it has already reaped (cutime + cstime). For PostgreSQL, whose work is
/// done in one backend process per connection under the postmaster.
/// </summary>
internal static class ProcessTreeCpu
{
    /// <summary>CPU seconds so far, or null when the process is gone or /proc is unreadable.</summary>
    public static double? Read(int parent)
    {
        if (Stat(parent) is not { } own)
        {
            return null;
        }

        var total = own.Self + own.Reaped;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                && pid != parent && Stat(pid) is { } child && child.Parent == parent)
            {
                total += child.Self;
            }
        }

        return total / Live.ProcFs.TicksPerSecond;
    }

    private static (int Parent, long Self, long Reaped)? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name's closing ')': state (3), ppid (4), ... utime (14), stime (15), cutime (16), cstime (17).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            return ((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
