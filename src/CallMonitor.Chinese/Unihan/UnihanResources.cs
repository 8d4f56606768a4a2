using System.IO.Compression;
using System.Text;

namespace CallMonitor.Chinese.Unihan;

/// <summary>Reads the gzip-compressed tables that the build embeds (see scripts/gen-unihan.sh).</summary>
internal static class UnihanResources
{
    internal const string PinyinResource = "CallMonitor.Chinese.pinyin.tsv.gz";
    internal const string SimplifiedResource = "CallMonitor.Chinese.t2s.txt.gz";

    /// <summary>The first CJK Unified Ideograph with a pinyin entry.</summary>
    internal const char FirstIdeograph = '\u4E00';

    /// <summary>The last CJK Unified Ideograph of the BMP block.</summary>
    internal const char LastIdeograph = '\u9FFF';

    internal static IEnumerable<string> ReadLines(string resourceName)
    {
        var assembly = typeof(UnihanResources).Assembly;
        using var raw = assembly.GetManifestResourceStream(resourceName)
            ?? throw new UnihanDataException(
                $"The embedded table '{resourceName}' is missing from {assembly.GetName().Name}. "
                + "Rebuild the project on a machine with the Unihan data ('apt-get install unicode-data').");
        using var gzip = new GZipStream(raw, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        string? line;
        while ((line = ReadLine(reader, resourceName)) is not null)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    private static string? ReadLine(StreamReader reader, string resourceName)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (InvalidDataException ex)
        {
            throw new UnihanDataException(
                $"The embedded table '{resourceName}' is corrupt; do a clean rebuild of CallMonitor.Chinese.", ex);
        }
    }
}
