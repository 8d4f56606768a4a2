using System.Text.Json;

namespace CallMonitor.Cli.Tests.Container;

/// <summary>One Dockerfile instruction: its keyword (upper case), its text after the keyword, its stage and line.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments, int Stage, int Line)
{
    /// <summary>The exec form (<c>["a", "b"]</c>) as its strings, or null for the shell form.</summary>
    public IReadOnlyList<string>? ExecForm =>
        Arguments.StartsWith('[') ? JsonSerializer.Deserialize<string[]>(Arguments) : null;

    /// <summary>Leading <c>--name=value</c> flags (COPY --from, HEALTHCHECK --interval ...), and what follows them.</summary>
    public (IReadOnlyDictionary<string, string> Flags, string Remainder) SplitFlags()
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = Arguments;
        while (rest.StartsWith("--", StringComparison.Ordinal))
        {
            var end = rest.IndexOf(' ', StringComparison.Ordinal);
            var flag = end < 0 ? rest : rest[..end];
            var eq = flag.IndexOf('=', StringComparison.Ordinal);
            flags[eq < 0 ? flag : flag[..eq]] = eq < 0 ? string.Empty : flag[(eq + 1)..];
            rest = end < 0 ? string.Empty : rest[(end + 1)..].TrimStart();
        }

        return (flags, rest);
    }
}
