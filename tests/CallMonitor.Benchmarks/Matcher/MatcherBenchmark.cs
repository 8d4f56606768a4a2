using System.Text;
using System.Text.RegularExpressions;
using CallMonitor.Benchmarks.Cli;
using CallMonitor.Benchmarks.Kws;
using CallMonitor.Benchmarks.Output;
using CallMonitor.Chinese.Matching;
using CallMonitor.Chinese.Normalization;
using CallMonitor.Compliance.Rules;

namespace CallMonitor.Benchmarks.Matcher;

/// <summary>
/// <c>callmonitor-bench matcher</c>: characters per second per core of the default pack's phrases through
/// <see cref="PhraseMatcher"/> (as the engine compiles them, with sound tolerances and exceptions) next to a .NET
/// <see cref="Regex"/> alternation of the same literal phrases, on the same utterance lines, in one run, one thread.
/// </summary>
internal static class MatcherBenchmark
{
    public const string Usage = """
        usage: callmonitor-bench matcher [--megabytes N] [--seconds S] [--corpus DIR] [--seeds DIR]
          --megabytes N   UTF-8 size of the text, built from the corpus transcripts and the seed standards (default 1)
          --seconds S     least thread CPU time per measurement (default 3)
          --corpus DIR    corpus transcripts (default: tests/corpus/calls above the working directory)
          --seeds DIR     seed standards (default: ../shared/seeds)
        One thread: characters per second of thread CPU time = characters per second per core.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var reader = new OptionReader(args, new HashSet<string>(StringComparer.Ordinal));
        var megabytes = reader.Number("--megabytes", 1, 0.01, 100);
        var seconds = reader.Number("--seconds", 3, 0.1, 120);
        var corpus = reader.Text("--corpus") ?? Upwards(Path.Combine("tests", "corpus", "calls"));
        var seeds = reader.Text("--seeds") ?? Upwards(Path.Combine("shared", "seeds"));
        reader.RejectUnknown();

        var lines = MatcherWorkload.Build(corpus, seeds, (long)(megabytes * 1_000_000));
        var chars = lines.Sum(l => (long)l.Length);
        var normalized = lines.Select(ChineseTextNormalizer.Normalize).ToArray();
        var pack = RulePack.Default;
        var sets = PackPatterns.Sets(pack);
        var engineLayout = sets.Select(s => PhraseMatcher.Compile(s.Patterns)).ToArray();
        var all = PhraseMatcher.Compile(sets.SelectMany(s => s.Patterns));
        var literals = all.Patterns.Select(p => ChineseTextNormalizer.Normalize(p.Phrase).Text).Distinct(StringComparer.Ordinal)
            .OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).ToList();
        var alternation = string.Join('|', literals.Select(Regex.Escape));
        var compiled = new Regex(alternation, RegexOptions.Compiled | RegexOptions.CultureInvariant);
        var nonBacktracking = new Regex(alternation, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

        output.WriteLine($"# callmonitor-bench matcher {string.Join(' ', args)}");
        output.WriteLine($"text: {lines.Count} lines, {chars} characters, {lines.Sum(l => (long)Encoding.UTF8.GetByteCount(l))} UTF-8 bytes "
            + $"(corpus {corpus ?? "not found"}, seeds {seeds ?? "not found"})");
        output.WriteLine($"pack {pack.Id} {pack.Version}: {all.Patterns.Count} literal phrase patterns in {sets.Count} phrase sets "
            + $"({all.Patterns.Count(p => p.Tolerance != PinyinTolerance.Exact)} with a sound tolerance), {literals.Distinct().Count()} distinct texts "
            + $"in the regex; {PackPatterns.RegexCount(pack)} pack regexes left out of both");
        output.WriteLine($"one thread; each row is at least {seconds:0.#} s of thread CPU after one warm-up pass; chars/s counts the original characters");
        output.WriteLine();

        var table = new TextTable("matcher", "input", "hits/pass", "passes", "chars/s (CPU)", "chars/s (wall)", "µs/line");
        Row(table, "normalise only (trad->simp, width, spaces, numerals)", "raw", seconds, chars, lines.Count,
            () => lines.Count(l => ChineseTextNormalizer.Normalize(l).Text.Length < 0));
        Row(table, $"PhraseMatcher, engine layout ({engineLayout.Length} matchers)", "normalised", seconds, chars, lines.Count,
            () => normalized.Sum(t => engineLayout.Sum(m => Count(m.Find(t)))));
        Row(table, "PhraseMatcher, all phrases in one matcher", "normalised", seconds, chars, lines.Count,
            () => normalized.Sum(t => Count(all.Find(t))));
        Row(table, "PhraseMatcher, one matcher, normalising each line", "raw", seconds, chars, lines.Count,
            () => lines.Sum(l => Count(all.Find(l))));
        Row(table, "Regex alternation, Compiled", "normalised", seconds, chars, lines.Count,
            () => normalized.Sum(t => compiled.Count(t.Text)));
        Row(table, "Regex alternation, NonBacktracking", "normalised", seconds, chars, lines.Count,
            () => normalized.Sum(t => nonBacktracking.Count(t.Text)));
        Row(table, "Regex alternation, Compiled", "raw", seconds, chars, lines.Count,
            () => lines.Sum(l => compiled.Count(l)));
        table.WriteTo(output);
        output.WriteLine("hits: PhraseMatcher counts live and exception-suppressed hits (exact and by sound, overlaps resolved);");
        output.WriteLine("the regex counts leftmost non-overlapping exact matches of the literal texts only.");
        return 0;
    }

    private static int Count(PhraseMatches matches) => matches.Count + matches.Suppressed.Count;

    private static void Row(TextTable table, string name, string input, double seconds, long chars, int lines, Func<int> pass)
    {
        var hits = pass(); // warm-up: JIT, regex compilation, caches
        var passes = 0;
        var cpuStart = CpuClock.Thread() ?? TimeSpan.Zero;
        var wall = CpuClock.Wall();
        TimeSpan cpu;
        do
        {
            hits = pass();
            passes++;
            cpu = (CpuClock.Thread() ?? wall.Elapsed) - cpuStart;
        }
        while (cpu.TotalSeconds < seconds);

        var elapsed = wall.Elapsed.TotalSeconds;
        table.Add(name, input, hits, passes, (long)(chars * passes / cpu.TotalSeconds), (long)(chars * passes / elapsed),
            cpu.TotalSeconds * 1e6 / (passes * (double)lines));
    }

    private static string? Upwards(string relative)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
