using System.Text.RegularExpressions;

namespace CallMonitor.Cli.Tests.Container;

/// <summary>Questions the tests ask of the parsed Dockerfile and of the README.</summary>
internal static partial class DockerfileFacts
{
    public static int LastStage(IReadOnlyList<DockerInstruction> file) => file.Max(i => i.Stage);

    public static IEnumerable<DockerInstruction> InStage(IReadOnlyList<DockerInstruction> file, int stage, string keyword) =>
        file.Where(i => i.Stage == stage && i.Keyword == keyword);

    /// <summary>The one instruction of <paramref name="keyword"/> that counts (the last one of the final stage).</summary>
    public static DockerInstruction Effective(IReadOnlyList<DockerInstruction> file, string keyword)
    {
        var found = InStage(file, LastStage(file), keyword).LastOrDefault();
        Assert.That(found, Is.Not.Null, $"the runtime stage of the Dockerfile has no {keyword}");
        return found!;
    }

    /// <summary>The value following <paramref name="flag"/> in an argument list, or null.</summary>
    public static string? FlagValue(IReadOnlyList<string> args, string flag)
    {
        var at = args.ToList().IndexOf(flag);
        return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
    }

    public static IReadOnlyList<string> FlagNames(IEnumerable<string> args) =>
        args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToList();

    /// <summary>The ports of EXPOSE in the runtime stage.</summary>
    public static IReadOnlyList<int> ExposedPorts(IReadOnlyList<DockerInstruction> file) =>
        InStage(file, LastStage(file), "EXPOSE")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>The README's documented `./callmonitor serve --urls ...` line, as its arguments after `serve`.</summary>
    public static IReadOnlyList<string> ReadmeServeArguments(string readme)
    {
        var line = readme.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("./callmonitor serve --urls", StringComparison.Ordinal));
        Assert.That(line, Is.Not.Null, "README.md has no line starting with `./callmonitor serve --urls`");
        var withoutOptional = OptionalPart().Replace(line!, string.Empty);
        return withoutOptional.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
    }

    /// <summary>The subcommand names listed under "Commands:" in a --help text.</summary>
    public static IReadOnlyList<string> HelpCommands(string help)
    {
        var names = new List<string>();
        var inCommands = false;
        foreach (var line in help.Split('\n'))
        {
            if (line.TrimEnd() == "Commands:")
            {
                inCommands = true;
            }
            else if (inCommands && line.StartsWith("  ", StringComparison.Ordinal) && line.Trim().Length > 0)
            {
                names.Add(line.Trim().Split(' ')[0]);
            }
            else if (inCommands && line.Trim().Length > 0)
            {
                inCommands = false;
            }
        }

        return names;
    }

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex OptionalPart();
}
