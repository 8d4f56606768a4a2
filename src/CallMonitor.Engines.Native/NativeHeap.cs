using System.Runtime.InteropServices;

namespace CallMonitor.Engines.Native;

/// <summary>
/// The C heap the native engines allocate from. glibc gives every thread that allocates its own malloc arena, up to
/// 8 per core, and keeps freed memory in each: with onnxruntime and the keyword spotter running calls on many pool
/// threads, the service's resident memory grew by hundreds of MiB over a few dozen calls and stayed there. Measured on
/// this project's 2-core machine, RSS of `serve` after 40 sequential calls of the sample: 430 MiB with glibc's
/// default, 372 MiB capped here at start, 256 MiB (flat from the 10th call) with MALLOC_ARENA_MAX=2 in the environment,
/// which takes effect before the runtime's own threads make their arenas. ./callmonitor and the container set it;
/// this cap is the fallback for hosts that do not.
/// </summary>
public static partial class NativeHeap
{
    // glibc's mallopt parameter number for the arena cap.
    private const int ArenaMax = -8;

    /// <summary>
    /// Caps glibc's malloc arenas at <paramref name="arenas"/> (at least 2), unless MALLOC_ARENA_MAX is set in the
    /// environment (the operator's choice wins). Call it before the engines start. Does nothing off glibc Linux.
    /// </summary>
    /// <returns>The cap now in force, or null when none was set here.</returns>
    public static int? LimitArenas(int arenas)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is { Length: > 0 })
        {
            return null;
        }

        var cap = Math.Max(2, arenas);
        try
        {
            return SetOption(ArenaMax, cap) == 1 ? cap : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // musl (Alpine) has no mallopt: its allocator has no per-thread arenas to cap.
            return null;
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    private static partial int SetOption(int parameter, int value);
}
