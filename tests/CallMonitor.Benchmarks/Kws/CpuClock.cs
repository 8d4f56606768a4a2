using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CallMonitor.Benchmarks.Kws;

/// <summary>CPU time of the calling thread (Linux clock_gettime), with the whole process's as a cross-check.</summary>
internal static partial class CpuClock
{
    private const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID

    /// <summary>CPU time the calling thread has used, or null where the clock is unavailable.</summary>
    public static TimeSpan? Thread()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ThreadCpuTimeClock, out var time) != 0)
        {
            return null;
        }

        return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
    }

    /// <summary>CPU time of every thread of this process (engine threads, GC, JIT).</summary>
    public static TimeSpan Process()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>Resident memory now and at its peak (VmRSS, VmHWM), in MiB.</summary>
    public static (double Now, double Peak) Memory()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return (self.WorkingSet64 / 1048576.0, self.PeakWorkingSet64 / 1048576.0);
    }

    public static Stopwatch Wall() => Stopwatch.StartNew();

    /// <summary>The machine's 1-minute load average (Linux /proc/loadavg), or null elsewhere.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
