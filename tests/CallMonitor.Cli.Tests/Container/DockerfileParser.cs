namespace CallMonitor.Cli.Tests.Container;

/// <summary>
/// Reads a Dockerfile into instructions: comment and blank lines dropped, lines ending in a backslash joined with
/// the next, stages counted from 0 at each FROM. Enough for the checks of this folder, not a full Dockerfile parser
/// (no heredocs, no escape directive).
/// </summary>
internal static class DockerfileParser
{
    public static IReadOnlyList<DockerInstruction> Parse(string text)
    {
        var result = new List<DockerInstruction>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var stage = -1;
        var pending = string.Empty;
        var startLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (pending.Length == 0)
            {
                startLine = i + 1;
            }

            var continues = line.EndsWith('\\');
            pending += (pending.Length == 0 ? string.Empty : " ") + (continues ? line[..^1].TrimEnd() : line);
            if (continues && i < lines.Length - 1)
            {
                continue;
            }

            var space = pending.IndexOf(' ', StringComparison.Ordinal);
            var keyword = (space < 0 ? pending : pending[..space]).ToUpperInvariant();
            var arguments = space < 0 ? string.Empty : pending[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                stage++;
            }

            result.Add(new DockerInstruction(keyword, arguments, stage, startLine));
            pending = string.Empty;
        }

        return result;
    }
}
