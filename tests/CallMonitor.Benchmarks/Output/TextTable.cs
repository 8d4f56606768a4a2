using System.Globalization;
using System.Text;

namespace CallMonitor.Benchmarks.Output;

/// <summary>
/// A plain-text table for the console: columns padded to their widest cell, Chinese characters counted as two
/// columns (as terminals draw them), numbers right-aligned.
/// </summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];
    private readonly HashSet<int> _separatorsBefore = [];

    public TextTable(params string[] headers)
    {
        _headers = headers;
    }

    public TextTable Add(params object?[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"a row of this table has {_headers.Length} cells, got {cells.Length}", nameof(cells));
        }

        _rows.Add([.. cells.Select(Format)]);
        return this;
    }

    /// <summary>A rule line before the next row added.</summary>
    public TextTable Separator()
    {
        _separatorsBefore.Add(_rows.Count);
        return this;
    }

    public void WriteTo(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var widths = _headers.Select((h, c) => _rows.Select(r => Width(r[c])).Append(Width(h)).Max()).ToArray();
        var numeric = _headers.Select((_, c) => _rows.Count > 0 && _rows.All(r => IsNumeric(r[c]))).ToArray();
        var rule = string.Join("-+-", widths.Select(w => new string('-', w)));
        output.WriteLine(Line(_headers, widths, numeric));
        output.WriteLine(rule);
        for (var i = 0; i < _rows.Count; i++)
        {
            if (_separatorsBefore.Contains(i))
            {
                output.WriteLine(rule);
            }

            output.WriteLine(Line(_rows[i], widths, numeric));
        }
    }

    /// <summary>Terminal columns taken by <paramref name="text"/>: two for East Asian wide characters.</summary>
    public static int Width(string text) => text.Sum(c => IsWide(c) ? 2 : 1);

    private static string Line(string[] cells, int[] widths, bool[] numeric)
    {
        var line = new StringBuilder();
        for (var c = 0; c < cells.Length; c++)
        {
            var pad = new string(' ', widths[c] - Width(cells[c]));
            line.Append(c == 0 ? string.Empty : " | ").Append(numeric[c] ? pad + cells[c] : cells[c] + pad);
        }

        return line.ToString().TrimEnd();
    }

    private static string Format(object? cell) => cell switch
    {
        null => "-",
        double d when double.IsNaN(d) => "-",
        double d => d.ToString("0.00", CultureInfo.InvariantCulture),
        float f => f.ToString("0.00", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };

    private static bool IsNumeric(string cell) =>
        cell == "-" || double.TryParse(cell.TrimEnd('%', 'x'), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
