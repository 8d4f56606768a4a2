using System.Formats.Tar;
using System.IO.Compression;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.BZip2;

namespace CallMonitor.Models;

// Unpacks the model's files from an official archive into a staging folder. Only entries under the archive's
// root folder are taken: the listed files, or every file when the manifest says so (Vosk). Entry names that
// would land outside the staging folder are refused.
internal static class ArchiveExtractor
{
    public static int Extract(string archivePath, ModelEntry entry, string stagingDir, CancellationToken cancellationToken)
    {
        var archive = entry.Archive ?? throw new InvalidOperationException($"model {entry.Name} has no archive");
        var selector = new EntrySelector(entry, archive, stagingDir);
        try
        {
            return archive.Format switch
            {
                ArchiveFormat.Zip => ExtractZip(archivePath, selector, cancellationToken),
                ArchiveFormat.TarBz2 => ExtractTarBz2(archivePath, selector, cancellationToken),
                _ => throw new ModelSourceException(archivePath, $"unsupported archive format {archive.Format}"),
            };
        }
        catch (Exception e) when (e is InvalidDataException or SharpZipBaseException or FormatException or EndOfStreamException)
        {
            throw new ModelSourceException(archivePath, $"is not a readable {Describe(archive.Format)} archive ({e.Message}); delete it and fetch it again", e);
        }
    }

    private static int ExtractZip(string archivePath, EntrySelector selector, CancellationToken cancellationToken)
    {
        using var zip = ZipFile.OpenRead(archivePath);
        foreach (var item in zip.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.FullName.EndsWith('/') || selector.Select(item.FullName) is not { } target)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            item.ExtractToFile(target, overwrite: true);
        }

        return selector.Finish(archivePath);
    }

    private static int ExtractTarBz2(string archivePath, EntrySelector selector, CancellationToken cancellationToken)
    {
        using var file = File.OpenRead(archivePath);
        using var bzip2 = new BZip2InputStream(file);
        using var tar = new TarReader(bzip2);
        while (tar.GetNextEntry() is { } item)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || item.DataStream is null
                || selector.Select(item.Name) is not { } target)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var output = File.Create(target);
            item.DataStream.CopyTo(output);
        }

        return selector.Finish(archivePath);
    }

    private static string Describe(ArchiveFormat format) => format == ArchiveFormat.Zip ? "zip" : "tar.bz2";

    private sealed class EntrySelector(ModelEntry entry, ModelArchive archive, string stagingDir)
    {
        private readonly HashSet<string> listed = entry.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        private readonly string root = Path.GetFullPath(stagingDir) + Path.DirectorySeparatorChar;
        private readonly SortedSet<string> topLevel = new(StringComparer.Ordinal);
        private int taken;

        public string? Select(string entryName)
        {
            var name = entryName.Replace('\\', '/');
            while (name.StartsWith("./", StringComparison.Ordinal))
            {
                name = name[2..];
            }

            var slash = name.IndexOf('/', StringComparison.Ordinal);
            topLevel.Add(slash < 0 ? name : name[..(slash + 1)]);
            var relative = name;
            if (archive.RootFolder is { } folder)
            {
                var prefix = folder + "/";
                if (!name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return null;
                }

                relative = name[prefix.Length..];
            }

            if (relative.Length == 0 || !(archive.IncludeUnlisted || listed.Contains(relative)))
            {
                return null;
            }

            var target = Path.GetFullPath(Path.Combine(root, relative));
            if (!target.StartsWith(root, StringComparison.Ordinal))
            {
                throw new ModelSourceException(entryName, "archive entry points outside the model folder; the archive is not trustworthy");
            }

            taken++;
            return target;
        }

        public int Finish(string archivePath)
        {
            if (taken == 0)
            {
                var where = archive.RootFolder is null ? "at all" : $"under '{archive.RootFolder}/'";
                var seen = string.Join(", ", topLevel.Take(5));
                throw new ModelSourceException(archivePath, $"holds none of the model's files {where} (top level holds: {(seen.Length == 0 ? "nothing" : seen)})");
            }

            return taken;
        }
    }
}
