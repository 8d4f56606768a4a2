using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace CallMonitor.TestKit.Audio;

/// <summary>
/// A folder of rendered test material keyed by content (decoded clips, tempo-changed clips, rendered calls), so a
/// test run renders each thing once and later runs reuse it. <c>CALLMONITOR_TESTKIT_CACHE</c> overrides the
/// default under the system temp folder. Files appear atomically, so parallel test processes may share it.
/// </summary>
public static class TestKitCache
{
    public const string EnvironmentVariable = "CALLMONITOR_TESTKIT_CACHE";

    /// <summary>The cache folder (created on first use).</summary>
    public static string Root { get; } = CreateRoot();

    /// <summary>A short hex digest of the parts, for file names.</summary>
    public static string Key(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = string.Join("\u001f", parts);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
    }

    /// <summary>A digest of float samples (content key for a clip).</summary>
    public static string Key(ReadOnlySpan<float> samples) =>
        Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(samples)))[..24];

    /// <summary>Path of an entry: <c>Root/category/key.extension</c> (the category folder is created).</summary>
    public static string PathFor(string category, string key, string extension)
    {
        var folder = Path.Combine(Root, category);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{key}.{extension}");
    }

    /// <summary>Writes through a temporary file and renames it into place, so readers never see half a file.</summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Raw little-endian float32 samples stored under <paramref name="path"/>, or null when absent.</summary>
    public static float[]? TryReadFloats(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var samples = new float[bytes.Length / sizeof(float)];
        MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, samples.Length * sizeof(float))).CopyTo(samples);
        return samples;
    }

    public static void WriteFloats(string path, ReadOnlySpan<float> samples)
    {
        var bytes = MemoryMarshal.AsBytes(samples).ToArray();
        WriteAtomically(path, stream => stream.Write(bytes));
    }

    private static string CreateRoot()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var root = string.IsNullOrWhiteSpace(configured) ? Path.Combine(Path.GetTempPath(), "callmonitor-testkit") : configured;
        Directory.CreateDirectory(root);
        return root;
    }
}
