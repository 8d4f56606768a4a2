using System.Text;
using CallMonitor.Compliance.Packs;

namespace CallMonitor.Compliance.Rules;

/// <summary>
/// Loads a rule pack (YAML), validates it and compiles it into an immutable <see cref="RulePack"/>. Every
/// problem is a <see cref="RulePackException"/> naming the source and the line and column at fault; nothing
/// is half-loaded.
/// </summary>
public static class RulePackLoader
{
    /// <summary>Loads the pack file at <paramref name="path"/>.</summary>
    public static RulePack Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileName(path);
        string yaml;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new RulePackException(name, null, null, $"rule pack not found: {Path.GetFullPath(path)}");
            }

            if (info.Length > RulePackLimits.MaxBytes)
            {
                throw new RulePackException(name, null, null, TooLarge(info.Length));
            }

            yaml = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (IOException ex)
        {
            throw new RulePackException(name, null, null, $"cannot read the rule pack {Path.GetFullPath(path)}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new RulePackException(name, null, null, $"no permission to read the rule pack {Path.GetFullPath(path)}", ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new RulePackException(name, null, null, "the rule pack is not UTF-8 text; save it as UTF-8", ex);
        }

        return Parse(yaml, name);
    }

    /// <summary>Parses pack text; <paramref name="sourceName"/> names it in error messages.</summary>
    public static RulePack Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        var bytes = Encoding.UTF8.GetByteCount(yaml);
        if (bytes > RulePackLimits.MaxBytes)
        {
            throw new RulePackException(sourceName, null, null, TooLarge(bytes));
        }

        var root = YamlGuard.LoadRoot(yaml, sourceName);
        return new PackReader(sourceName).Read(root);
    }

    private static string TooLarge(long bytes) =>
        $"the rule pack is {bytes:N0} bytes; the limit is {RulePackLimits.MaxBytes:N0}. Split it into smaller packs.";
}
