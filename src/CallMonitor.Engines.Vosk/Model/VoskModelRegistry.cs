using CallMonitor.Domain.Errors;
using CallMonitor.Engines.Vosk.Native;

namespace CallMonitor.Engines.Vosk.Model;

/// <summary>
/// One loaded model per folder per process: engines that name the same folder share it, and the model is freed
/// when the last lease is released (recognizers keep their own native reference, so they outlive it safely).
/// </summary>
internal static class VoskModelRegistry
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Entry> Loaded = new(StringComparer.Ordinal);

    /// <summary>The model in <paramref name="checkedPath"/> (already passed <see cref="VoskModelDirectory.Check"/>).</summary>
    /// <exception cref="EngineUnavailableException">vosk could not load it.</exception>
    public static Lease Acquire(string checkedPath)
    {
        var key = Path.GetFullPath(checkedPath);
        lock (Gate)
        {
            if (!Loaded.TryGetValue(key, out var entry))
            {
                var model = VoskNativeMethods.ModelNew(key);
                if (model == IntPtr.Zero)
                {
                    throw new EngineUnavailableException(
                        VoskLibrary.EngineName,
                        $"vosk could not load the model in {key} (its files are present but unreadable: the library's "
                        + "ERROR line on stderr names the file); re-extract the model or reinstall it with "
                        + $"`./callmonitor models install {VoskModelDirectory.DefaultModelName}`");
                }

                entry = new Entry(new VoskModelHandle(model));
                Loaded.Add(key, entry);
            }

            entry.Count++;
            return new Lease(key, entry.Handle);
        }
    }

    /// <summary>Number of engines sharing the model loaded from <paramref name="path"/> (0 when not loaded).</summary>
    public static int LeaseCount(string path)
    {
        lock (Gate)
        {
            return Loaded.TryGetValue(Path.GetFullPath(path), out var entry) ? entry.Count : 0;
        }
    }

    private static void Release(string key)
    {
        lock (Gate)
        {
            if (Loaded.TryGetValue(key, out var entry) && --entry.Count == 0)
            {
                Loaded.Remove(key);
                entry.Handle.Dispose();
            }
        }
    }

    /// <summary>One engine's use of a shared model.</summary>
    internal sealed class Lease(string key, VoskModelHandle handle) : IDisposable
    {
        private int _released;

        public VoskModelHandle Handle { get; } = handle;

        public string Path { get; } = key;

        public bool IsReleased => Volatile.Read(ref _released) != 0;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Release(Path);
            }
        }
    }

    private sealed class Entry(VoskModelHandle handle)
    {
        public VoskModelHandle Handle { get; } = handle;

        public int Count { get; set; }
    }
}
