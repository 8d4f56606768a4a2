using CallMonitor.Benchmarks.Cli;

namespace CallMonitor.Benchmarks.Kws;

/// <summary>What <c>callmonitor-bench kws</c> measures and on how much audio.</summary>
internal sealed record KwsBenchOptions
{
    public const string Usage = """
        usage: callmonitor-bench kws [options]
          --threshold X      spotter default threshold for phrases the pack gives none (default 0.25)
          --calls N          calls to build; each plants every agent phrase the recordings can say (default 3)
          --seed S           seed of filler words, answers, pauses and tempos (default 1)
          --telephone        render calls as 8 kHz mu-law (read back at 16 kHz) instead of 16 kHz PCM
          --no-tempo         every line at its recorded tempo (otherwise 0.9-1.2x at random; needs ffmpeg)
          --only LIST        sections to run, comma-separated: recall,realtime,sweep (default all)
          --rt-seconds S     audio per channel in the real-time measurement (default 20)
          --sweep LIST       thresholds tried for one-syllable phrases (default 0.05,0.1,...,0.6)
          --sweep-plants N   plants per voicing of each one-syllable phrase in the sweep (default 10)
          --model DIR        KWS model folder (default: CALLMONITOR_MODEL_CACHE or ../shared/models)
          --shared DIR       the shared folder with audio/ and models/ (default: CALLMONITOR_SHARED or ../shared)
        """;

    private static readonly IReadOnlySet<string> Flags = new HashSet<string>(StringComparer.Ordinal) { "--telephone", "--no-tempo" };
    private static readonly string[] AllSections = ["recall", "realtime", "sweep"];

    public float Threshold { get; init; } = 0.25f;

    public int Calls { get; init; } = 3;

    public int Seed { get; init; } = 1;

    public bool Telephone { get; init; }

    public bool TempoJitter { get; init; } = true;

    public IReadOnlySet<string> Sections { get; init; } = new HashSet<string>(AllSections, StringComparer.Ordinal);

    public double RealTimeSeconds { get; init; } = 20;

    public IReadOnlyList<double> SweepThresholds { get; init; } = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6];

    public int SweepPlants { get; init; } = 10;

    public string? ModelDirectory { get; init; }

    public string? SharedDirectory { get; init; }

    /// <exception cref="BenchUsageException">An unknown option or a value out of range.</exception>
    public static KwsBenchOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args, Flags);
        var sections = reader.Text("--only") is { } only
            ? only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(AllSections, StringComparer.Ordinal);
        var unknown = sections.Except(AllSections).ToArray();
        if (unknown.Length > 0 || sections.Count == 0)
        {
            throw new BenchUsageException($"--only takes {string.Join(',', AllSections)}; got '{string.Join(',', unknown)}'");
        }

        var options = new KwsBenchOptions
        {
            Threshold = (float)reader.Number("--threshold", 0.25, 0.01, 0.99),
            Calls = reader.Int("--calls", 3, 1, 100),
            Seed = reader.Int("--seed", 1, 0, int.MaxValue),
            Telephone = reader.Flag("--telephone"),
            TempoJitter = !reader.Flag("--no-tempo"),
            Sections = sections,
            RealTimeSeconds = reader.Number("--rt-seconds", 20, 1, 3600),
            SweepThresholds = reader.Numbers("--sweep", [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6], 0.01, 0.99),
            SweepPlants = reader.Int("--sweep-plants", 10, 1, 1000),
            ModelDirectory = reader.Text("--model"),
            SharedDirectory = reader.Text("--shared"),
        };
        reader.RejectUnknown();
        return options;
    }

    public bool Runs(string section) => Sections.Contains(section);
}
