using System.Text;
using CallMonitor.Domain.Errors;

namespace CallMonitor.Engines.SherpaOnnx.Kws;

/// <summary>
/// The symbols of a model's tokens.txt (<c>symbol id</c> per line). sherpa-onnx ends the process when a keyword
/// uses a token it does not know, so every keyword is checked against this table before the library sees it.
/// </summary>
internal sealed class TokenTable
{
    private readonly HashSet<string> _symbols;

    private TokenTable(HashSet<string> symbols)
    {
        _symbols = symbols;
    }

    public int Count => _symbols.Count;

    /// <exception cref="EngineUnavailableException">The file is missing, unreadable or has no symbols.</exception>
    public static TokenTable Load(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EngineUnavailableException(KeywordSpotterEngine.EngineName, $"tokens file {path} cannot be read: {ex.Message}", ex);
        }

        var symbols = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var space = line.LastIndexOf(' ');
            if (space > 0 && int.TryParse(line.AsSpan(space + 1), out _))
            {
                symbols.Add(line[..space]);
            }
        }

        if (symbols.Count == 0)
        {
            throw new EngineUnavailableException(
                KeywordSpotterEngine.EngineName, $"tokens file {path} has no 'symbol id' lines; reinstall the KWS model");
        }

        return new TokenTable(symbols);
    }

    public bool Contains(string token) => _symbols.Contains(token);

    /// <summary>Checks what the library would choke on: unknown tokens, and text the line format cannot carry.</summary>
    /// <exception cref="ArgumentException">Names the phrase and the offending token or character.</exception>
    public void Validate(KeywordSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(spec.Phrase) || spec.Phrase.Any(c => char.IsWhiteSpace(c) || c == '/'))
        {
            throw new ArgumentException(
                $"keyword phrase '{spec.Phrase}' must be non-empty without spaces or '/' (they separate keywords)", nameof(spec));
        }

        if (spec.Tokens is null || spec.Tokens.Count == 0)
        {
            throw new ArgumentException($"keyword '{spec.Phrase}' has no tokens", nameof(spec));
        }

        foreach (var token in spec.Tokens)
        {
            if (string.IsNullOrEmpty(token) || !Contains(token))
            {
                throw new ArgumentException(
                    $"keyword '{spec.Phrase}' uses token '{token}', which is not in the model's tokens.txt; "
                    + "spell it with the model's pinyin initials and tone-marked finals (e.g. 'n ǐ h ǎo')",
                    nameof(spec));
            }
        }

        if (spec.Threshold is { } t && (float.IsNaN(t) || t <= 0 || t >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(spec), t, $"keyword '{spec.Phrase}': threshold must be between 0 and 1");
        }

        if (spec.Boost is { } b && (float.IsNaN(b) || b < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(spec), b, $"keyword '{spec.Phrase}': boost must be zero or more");
        }
    }
}
