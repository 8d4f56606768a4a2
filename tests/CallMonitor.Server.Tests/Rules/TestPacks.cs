using System.Text;

namespace CallMonitor.Server.Tests.Rules;

/// <summary>Small rule packs as text: valid ones with a chosen id, version and forbidden phrase, and broken ones.</summary>
internal static class TestPacks
{
    /// <summary>The value the <see cref="BrokenSeverity"/> pack has in place of a severity.</summary>
    public const string BadSeverity = "catastrophic";

    public static string Valid(string version = "1.0.0", string phrase = "不归我管", string id = "test.rules") => $$"""
        id: {{id}}
        version: {{version}}
        locale: zh-CN
        rules:
          - id: forbidden.shirking
            type: forbidden_phrase
            severity: major
            role: agent
            source: {document: 001.txt, clause: "三、3"}
            description: 推诿
            phrases:
              - {{phrase}}
        """;

    /// <summary>A valid pack whose one severity is not a severity.</summary>
    public static string BrokenSeverity() => Valid().Replace("severity: major", "severity: " + BadSeverity, StringComparison.Ordinal);

    /// <summary>1-based line and column of <paramref name="text"/>'s first occurrence in <paramref name="yaml"/>.</summary>
    public static (int Line, int Column) Find(string yaml, string text)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf(text, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (i + 1, at + 1);
            }
        }

        throw new ArgumentException($"'{text}' is not in the pack", nameof(text));
    }

    /// <summary>A valid pack padded with a comment to <paramref name="bytes"/> bytes of UTF-8.</summary>
    public static string Padded(int bytes)
    {
        var text = new StringBuilder(Valid()).Append("\n# ");
        var missing = bytes - Encoding.UTF8.GetByteCount(text.ToString());
        return text.Append('x', Math.Max(0, missing)).ToString();
    }
}
