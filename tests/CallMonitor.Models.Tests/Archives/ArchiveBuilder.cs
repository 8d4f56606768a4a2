using System.Diagnostics;
using System.IO.Compression;

namespace CallMonitor.Models.Tests.Archives;

/// <summary>Builds test archives: zips in memory, tar.bz2 with the system's tar (an independent implementation).</summary>
internal static class ArchiveBuilder
{
    /// <summary>A zip holding <paramref name="files"/> (relative path → bytes) under <paramref name="rootFolder"/>/.</summary>
    public static byte[] Zip(string rootFolder, IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in files)
            {
                using var entry = zip.CreateEntry($"{rootFolder}/{path}", CompressionLevel.Fastest).Open();
                entry.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Every file of <paramref name="dir"/> as relative path → bytes.</summary>
    public static Dictionary<string, byte[]> ReadTree(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    /// <summary>Runs `tar -cjf` on <paramref name="parent"/>/<paramref name="rootFolder"/>; ignores the test when tar or bzip2 is missing.</summary>
    public static void TarBz2(string parent, string rootFolder, string archivePath)
    {
        if (!File.Exists("/usr/bin/bzip2") && !File.Exists("/bin/bzip2"))
        {
            Assert.Ignore("bzip2 is not installed; the test builds its tar.bz2 with the system tar (apt-get install bzip2)");
        }

        var start = new ProcessStartInfo("tar") { RedirectStandardError = true, WorkingDirectory = parent };
        foreach (var arg in new[] { "-cjf", archivePath, rootFolder })
        {
            start.ArgumentList.Add(arg);
        }

        using var tar = Process.Start(start) ?? throw new InvalidOperationException("tar did not start");
        var errors = tar.StandardError.ReadToEnd();
        tar.WaitForExit();
        Assert.That(tar.ExitCode, Is.Zero, $"tar -cjf failed: {errors}");
    }
}
