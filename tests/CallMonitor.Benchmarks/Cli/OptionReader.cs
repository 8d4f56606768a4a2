using System.Globalization;

namespace CallMonitor.Benchmarks.Cli;

/// <summary>Reads <c>--name value</c> options and <c>--flag</c> switches; unknown or malformed ones are usage errors.</summary>
internal sealed class OptionReader
{
    private readonly Dictionary<string, string?> _given = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <param name="flags">Option names that take no value.</param>
    public OptionReader(IReadOnlyList<string> args, IReadOnlySet<string> flags)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length < 3)
            {
                throw new BenchUsageException($"unexpected argument '{name}'; options look like --calls 4");
            }

            if (flags.Contains(name))
            {
                _given[name] = null;
            }
            else if (i + 1 < args.Count)
            {
                _given[name] = args[++i];
            }
            else
            {
                throw new BenchUsageException($"option {name} needs a value");
            }
        }
    }

    public bool Flag(string name) => Mark(name) && _given.ContainsKey(name);

    public string? Text(string name) => Mark(name) ? _given.GetValueOrDefault(name) : null;

    public int Int(string name, int fallback, int min, int max)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new BenchUsageException($"{name} takes a whole number from {min} to {max}, got '{text}'");
        }

        return value;
    }

    public double Number(string name, double fallback, double min, double max) =>
        Text(name) is { } text ? Parse(name, text, min, max) : fallback;

    /// <summary>Comma-separated numbers, e.g. <c>0.25,0.3,0.35</c>.</summary>
    public IReadOnlyList<double> Numbers(string name, IReadOnlyList<double> fallback, double min, double max) =>
        Text(name) is { } text ? [.. text.Split(',', StringSplitOptions.TrimEntries).Select(t => Parse(name, t, min, max))] : fallback;

    /// <summary>Fails on any option that no one asked for (a typo would otherwise be ignored silently).</summary>
    public void RejectUnknown()
    {
        var unknown = _given.Keys.Where(k => !_read.Contains(k)).ToArray();
        if (unknown.Length > 0)
        {
            throw new BenchUsageException($"unknown option {string.Join(", ", unknown)}; known: {string.Join(' ', _read.Order(StringComparer.Ordinal))}");
        }
    }

    private bool Mark(string name) => _read.Add(name) || true;

    private static double Parse(string name, string text, double min, double max)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new BenchUsageException($"{name} takes numbers from {min} to {max}, got '{text}'");
        }

        return value;
    }
}
