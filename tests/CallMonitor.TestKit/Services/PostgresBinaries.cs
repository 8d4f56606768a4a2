using System.Globalization;
using CallMonitor.TestKit.Assets;

namespace CallMonitor.TestKit.Services;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl, psql) installed on this machine.</summary>
public static class PostgresBinaries
{
    private static readonly Lazy<string?> Folder = new(Locate);

    /// <summary>Folder holding initdb and pg_ctl (highest installed version), or null when PostgreSQL is not installed.</summary>
    public static string? FolderOrNull => Folder.Value;

    /// <summary>Why <see cref="FolderOrNull"/> is null, for a skip message.</summary>
    public const string MissingReason =
        "PostgreSQL server programs (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin nor via `pg_config --bindir`; "
        + "install them to run these tests (apt-get install -y postgresql)";

    private static string? Locate()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: ParseVersion(Path.GetFileName(dir))))
                .Where(c => c.Version is not null && HasServerPrograms(c.Dir))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Dir)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        var pgConfig = ExternalTools.FindOnPath("pg_config");
        if (pgConfig is null)
        {
            return null;
        }

        try
        {
            var result = ToolProcess.RunAsync(pgConfig, ["--bindir"], runAsPostgres: false, CancellationToken.None).GetAwaiter().GetResult();
            var dir = result.Output.Trim();
            return result.ExitCode == 0 && HasServerPrograms(dir) ? dir : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version
        : int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? new Version(major, 0) : null;

    private static bool HasServerPrograms(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "psql"));
}
