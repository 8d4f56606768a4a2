namespace CallMonitor.Classification;

/// <summary>Scores a labelled set with a classifier, through the same <c>Predict</c> path production uses.</summary>
internal static class ClassifierEvaluator
{
    public static ClassifierEvaluation Evaluate(RudeUtteranceClassifier classifier, UtteranceCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(corpus);
        var counts = new ConfusionCounts(0, 0, 0, 0);
        var mistakes = new List<Misclassification>();
        var perCategory = new Dictionary<(string Category, UtteranceLabel Label), (int Count, int Correct)>();
        foreach (var utterance in corpus.Utterances)
        {
            var verdict = classifier.Predict(utterance.Text);
            var right = verdict.IsRude == utterance.IsRude;
            counts = counts.Add(utterance.IsRude, verdict.IsRude);
            var key = (utterance.Category, utterance.Label);
            var (count, correct) = perCategory.GetValueOrDefault(key);
            perCategory[key] = (count + 1, correct + (right ? 1 : 0));
            if (!right)
            {
                mistakes.Add(new Misclassification(utterance, verdict.Probability));
            }
        }

        var categories = perCategory
            .Select(p => new CategoryRecall(p.Key.Category, p.Key.Label, p.Value.Count, p.Value.Correct))
            .OrderByDescending(c => c.Label)
            .ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();
        return new ClassifierEvaluation(corpus.Name, counts, categories, mistakes, classifier.Threshold);
    }
}
