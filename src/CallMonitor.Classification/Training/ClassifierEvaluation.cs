using System.Globalization;
using System.Text;

namespace CallMonitor.Classification;

/// <summary>
/// How a classifier did on a labelled set (by <see cref="ClassifierTrainer.Train"/>: the held-out split, which
/// the model never trained on).
/// </summary>
/// <param name="CorpusName">The evaluated set.</param>
/// <param name="Counts">Confusion counts, rude = positive.</param>
/// <param name="PerCategory">Per corpus category, the share labelled right; sorted rude first, then by name.</param>
/// <param name="Mistakes">Every utterance the model got wrong.</param>
/// <param name="Threshold">The decision threshold the verdicts were taken at.</param>
public sealed record ClassifierEvaluation(
    string CorpusName,
    ConfusionCounts Counts,
    IReadOnlyList<CategoryRecall> PerCategory,
    IReadOnlyList<Misclassification> Mistakes,
    float Threshold)
{
    public double Precision => Counts.Precision;

    public double Recall => Counts.Recall;

    public double F1 => Counts.F1;

    public double Accuracy => Counts.Accuracy;

    /// <summary>Accuracy of always answering the majority label on the same set.</summary>
    public double MajorityBaselineAccuracy => Counts.MajorityBaselineAccuracy;

    /// <summary>A plain-text report: the figures, the confusion counts, per-category recall and the mistakes.</summary>
    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{CorpusName}: {Counts.Total} utterances ({Counts.ActualRude} rude, {Counts.ActualStandard} standard), threshold {Threshold:0.##}");
        text.AppendLine(c, $"  precision {Precision:0.000}  recall {Recall:0.000}  F1 {F1:0.000}  accuracy {Accuracy:0.000}  (majority baseline {MajorityBaselineAccuracy:0.000})");
        text.AppendLine(c, $"  confusion: TP {Counts.TruePositives}  FP {Counts.FalsePositives}  TN {Counts.TrueNegatives}  FN {Counts.FalseNegatives}");
        text.AppendLine("  per category (share labelled right):");
        foreach (var category in PerCategory)
        {
            var label = category.Label == UtteranceLabel.Rude ? "rude" : "standard";
            text.AppendLine(c, $"    {category.Recall:0.00}  {category.Correct,3}/{category.Count,-3}  {label,-8}  {category.Category}");
        }

        if (Mistakes.Count > 0)
        {
            text.AppendLine("  mistakes:");
            foreach (var mistake in Mistakes)
            {
                var expected = mistake.Utterance.IsRude ? "rude" : "standard";
                text.AppendLine(c, $"    p={mistake.Probability:0.00} expected {expected,-8} [{mistake.Utterance.Category}] {mistake.Utterance.Text}");
            }
        }

        return text.ToString();
    }
}
