using System.Globalization;
using System.Text.RegularExpressions;

namespace CallMonitor.Cli.Tests.Classifier;

/// <summary><c>train-classifier</c> trains for real and saves a model that loads.</summary>
public partial class TrainClassifierTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task TrainClassifier_DefaultCorpus_PrintsHeldOutFiguresAndSavesTheModel(CancellationToken token)
    {
        var target = Path.Combine(Path.GetTempPath(), $"callmonitor-classifier-{Guid.NewGuid():N}.zip");
        try
        {
            var result = await CliProcess.RunAsync(token, "train-classifier", "--out", target);
            Assert.That(result.ExitCode, Is.Zero, result.Stderr);

            var figures = Figures().Match(result.Stdout);
            Assert.Multiple(() =>
            {
                Assert.That(figures.Success, Is.True, result.Stdout);
                Assert.That(double.Parse(figures.Groups["f1"].Value, CultureInfo.InvariantCulture), Is.InRange(0.0, 1.0));
                Assert.That(new FileInfo(target).Length, Is.GreaterThan(10_000));
                Assert.That(result.Stdout, Does.Contain("held-out"));
            });
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task TrainClassifier_MissingCorpus_BadInputNamingTheFile(CancellationToken token)
    {
        var result = await CliProcess.RunAsync(token, "train-classifier", "--corpus", "/nonexistent/corpus.tsv", "--out", Path.Combine(Path.GetTempPath(), "never.zip"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Not.Zero);
            Assert.That(result.Stderr, Does.Contain("/nonexistent/corpus.tsv"));
        });
    }

    [GeneratedRegex(@"precision (?<p>[0-9.]+)\s+recall (?<r>[0-9.]+)\s+F1 (?<f1>[0-9.]+)")]
    private static partial Regex Figures();
}
