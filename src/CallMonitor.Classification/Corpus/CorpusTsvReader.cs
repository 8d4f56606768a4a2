using CallMonitor.Chinese.Normalization;

namespace CallMonitor.Classification;

/// <summary>
/// Reads the corpus TSV: a header <c>label	category	text	origin</c>, then one utterance a line. Blank
/// lines and lines starting with <c>#</c> are comments. Every problem names its line.
/// </summary>
internal static class CorpusTsvReader
{
    internal static readonly string[] Columns = ["label", "category", "text", "origin"];

    public static List<LabelledUtterance> Read(TextReader reader, string corpusName)
    {
        var utterances = new List<LabelledUtterance>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var sawHeader = false;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (!sawHeader)
            {
                CheckHeader(fields, corpusName, lineNumber);
                sawHeader = true;
                continue;
            }

            var utterance = ParseRow(fields, corpusName, lineNumber);
            var key = ChineseTextNormalizer.Normalize(utterance.Text).Text;
            if (key.Length == 0)
            {
                throw new UtteranceCorpusException(corpusName, lineNumber, $"the text '{utterance.Text}' has nothing left after normalisation (only punctuation or spaces)");
            }

            if (!firstLineOf.TryAdd(key, lineNumber))
            {
                throw new UtteranceCorpusException(corpusName, lineNumber, $"'{utterance.Text}' repeats line {firstLineOf[key]} (texts are compared after normalisation, so traditional and simplified spellings of one sentence count as the same)");
            }

            utterances.Add(utterance);
        }

        if (!sawHeader)
        {
            throw new UtteranceCorpusException(corpusName, lineNumber, $"the corpus is empty: expected a header line '{string.Join('\t', Columns)}'");
        }

        return utterances;
    }

    private static void CheckHeader(string[] fields, string corpusName, int lineNumber)
    {
        if (!fields.Select(f => f.Trim()).SequenceEqual(Columns, StringComparer.Ordinal))
        {
            throw new UtteranceCorpusException(corpusName, lineNumber, $"expected the header '{string.Join("<TAB>", Columns)}', found '{string.Join("<TAB>", fields)}'");
        }
    }

    private static LabelledUtterance ParseRow(string[] fields, string corpusName, int lineNumber)
    {
        if (fields.Length != Columns.Length)
        {
            throw new UtteranceCorpusException(corpusName, lineNumber, $"expected {Columns.Length} tab-separated fields ({string.Join(", ", Columns)}), found {fields.Length}");
        }

        var label = fields[0].Trim() switch
        {
            "standard" => UtteranceLabel.Standard,
            "rude" => UtteranceLabel.Rude,
            var other => throw new UtteranceCorpusException(corpusName, lineNumber, $"unknown label '{other}': use 'standard' or 'rude'"),
        };
        var category = Required(fields[1], "category", corpusName, lineNumber);
        var text = Required(fields[2], "text", corpusName, lineNumber);
        var origin = Required(fields[3], "origin", corpusName, lineNumber);
        return new LabelledUtterance(label, category, text, origin, lineNumber);
    }

    private static string Required(string field, string name, string corpusName, int lineNumber)
    {
        var value = field.Trim();
        return value.Length > 0
            ? value
            : throw new UtteranceCorpusException(corpusName, lineNumber, $"the {name} field is empty");
    }
}
