namespace CallMonitor.Cli.Tests.Container;

/// <summary>The small Dockerfile and .dockerignore readers the container tests rely on.</summary>
[TestFixture]
public sealed class DockerParsingTests
{
    [Test]
    public void Parse_ContinuationsAndComments_JoinedPerInstructionWithStages()
    {
        var file = DockerfileParser.Parse("# c\nFROM a AS b\nRUN x \\\n  && y\n\nFROM c\nCMD [\"serve\", \"--urls\", \"u\"]\n");
        Assert.Multiple(() =>
        {
            Assert.That(file.Select(i => i.Keyword), Is.EqualTo(new[] { "FROM", "RUN", "FROM", "CMD" }));
            Assert.That(file[1].Arguments, Is.EqualTo("x && y"));
            Assert.That(file.Select(i => i.Stage), Is.EqualTo(new[] { 0, 0, 1, 1 }));
            Assert.That(file[3].ExecForm, Is.EqualTo(new[] { "serve", "--urls", "u" }));
        });
    }

    [Test]
    public void IsIgnored_DockerSemantics_TrailingSlashDroppedLastMatchWins()
    {
        var ignore = new DockerIgnore("**/bin/\nmodels/*/\n!models/keep\n");
        Assert.Multiple(() =>
        {
            Assert.That(ignore.IsIgnored("src/A/bin/Debug/a.dll"), Is.True);
            Assert.That(ignore.IsIgnored("bin/x"), Is.True);
            Assert.That(ignore.IsIgnored("models/manifest.json"), Is.True, "models/*/ is cleaned to models/*, which matches files too");
            Assert.That(ignore.IsIgnored("models/keep/file"), Is.False);
            Assert.That(ignore.IsIgnored("src/binary.cs"), Is.False);
        });
    }
}
