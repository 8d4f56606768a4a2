using CallMonitor.Compliance.Rules;

namespace CallMonitor.Compliance.Tests.Rules;

/// <summary>
/// A small valid pack as text, and helpers to break one line of it and find the line a test expects an error on.
/// </summary>
internal static class PackText
{
    public const string Source = "test-pack.yaml";

    public const string Valid = """
        id: test.pack
        version: 1.0.0
        locale: zh-CN
        calendar:
          - name: 国庆节
            from: "10-01"
            to: "10-07"
            greetings: [国庆快乐]
        rules:
          - id: forbidden.one
            type: forbidden_phrase
            severity: major
            role: agent
            source: {document: 001.txt, clause: "三、3"}
            description: 推诿
            tolerance: homophone
            phrases:
              - 不清楚
              - 没法查
              - {text: 喂, position: utterance_start, kwsThreshold: 0.45}
            exceptions:
              - 您还有什么不清楚的地方吗
          - id: silence.one
            type: long_silence
            severity: minor
            role: agent
            source: {document: 004.txt, clause: "硬件故障 3"}
            description: 冷场
            announcements: [请您稍等]
            parameters:
              minSeconds: 8
        scoring:
          source: {document: 000.txt, clause: 评估表}
          total: 10
          sections:
            - id: standard
              name: 服务规范
              kind: score
              points: 10
              items:
                - id: attitude
                  name: 服务态度
                  points: 10
                  automated: true
                  deductions:
                    - {rule: forbidden.one, points: 2, max: 6}
        """;

    public static RulePack Parse(string yaml) => RulePackLoader.Parse(yaml, Source);

    /// <summary><see cref="Valid"/> with the first occurrence of <paramref name="find"/> replaced.</summary>
    public static string With(string find, string replacement)
    {
        var at = Valid.IndexOf(find, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), $"test setup: '{find}' not in the pack");
        return string.Concat(Valid.AsSpan(0, at), replacement, Valid.AsSpan(at + find.Length));
    }

    /// <summary>1-based line of the first (or last) line of <paramref name="yaml"/> containing <paramref name="text"/>.</summary>
    public static int LineOf(string yaml, string text, bool last = false)
    {
        var lines = yaml.Split('\n');
        var indexes = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(text, StringComparison.Ordinal)).ToList();
        Assert.That(indexes, Is.Not.Empty, $"test setup: '{text}' not in the pack");
        return (last ? indexes[^1] : indexes[0]) + 1;
    }

    /// <summary>Parses <paramref name="yaml"/>, expecting it to be rejected.</summary>
    public static RulePackException Rejected(string yaml)
    {
        var ex = Assert.Throws<RulePackException>(() => Parse(yaml));
        return ex!;
    }
}
