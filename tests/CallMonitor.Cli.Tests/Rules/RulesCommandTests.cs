namespace CallMonitor.Cli.Tests.Rules;

/// <summary><c>rules validate</c> and <c>rules test</c> through the real CLI.</summary>
public class RulesCommandTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Validate_DefaultPack_Valid(CancellationToken token)
    {
        var result = await CliProcess.RunAsync(token, "rules", "validate", "default");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Stderr);
            Assert.That(result.Stdout, Does.Contain("valid").And.Contain("forbidden_phrase"));
        });
    }

    private const string ValidPack = """
        id: test.pack
        version: 1.0.0
        locale: zh-CN
        rules:
          - id: forbidden.one
            type: forbidden_phrase
            severity: major
            role: agent
            source: {document: 001.txt, clause: "三、3"}
            description: 推诿
            phrases:
              - 不清楚
        """;

    // The last argument marks the line the error must name (its last occurrence in the broken pack).
    [TestCase("unknown-type", "type: forbidden_phrase", "type: forbidden_words", "forbidden_words")]
    [TestCase("bad-severity", "severity: major", "severity: terrible", "terrible")]
    [TestCase("duplicate-id", "rules:", "rules:\n  - id: forbidden.one\n    type: forbidden_phrase\n    severity: major\n    role: agent\n    source: {document: 001.txt, clause: x}\n    description: x\n    phrases: [不知道]", "- id: forbidden.one")]
    public async Task Validate_BrokenPack_ExitThreeWithTheLine(string name, string line, string broken, string marker)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var path = Path.Combine(Path.GetTempPath(), $"callmonitor-{name}-{Guid.NewGuid():N}.yaml");
        var text = ValidPack.Replace(line, broken.Replace("\\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        var expectedLine = text.Split('\n').Select((l, i) => (l, i)).Last(x => x.l.Contains(marker, StringComparison.Ordinal)).i + 1;
        await File.WriteAllTextAsync(path, text, cts.Token);
        try
        {
            var result = await CliProcess.RunAsync(cts.Token, "rules", "validate", path);

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(3), result.Stderr);
                Assert.That(result.Stderr, Does.Contain(Path.GetFileName(path)));
                Assert.That(result.Stderr, Does.Match($@":{expectedLine}:\d+:"), "the message names the line of the problem");
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Validate_ValidPackFile_Valid(CancellationToken token)
    {
        var path = Path.Combine(Path.GetTempPath(), $"callmonitor-valid-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, ValidPack, token);
        try
        {
            var result = await CliProcess.RunAsync(token, "rules", "validate", path);
            Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Test_SampleTranscript_ShowsWhatFiresAndWhy(CancellationToken token)
    {
        var result = await CliProcess.RunAsync(token, "rules", "test", "default", "--transcript", Samples.Transcript);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Stderr);
            Assert.That(result.Stdout, Does.Contain("forbidden_phrase").And.Contain("不清楚"));
            Assert.That(result.Stdout, Does.Contain("escalation_cue").And.Contain("投诉"));
            Assert.That(result.Stdout, Does.Contain("why:"));
        });
    }
}
