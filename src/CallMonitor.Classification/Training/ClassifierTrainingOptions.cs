namespace CallMonitor.Classification;

/// <summary>
/// How <see cref="ClassifierTrainer"/> fits the model. Validated when training starts, so a bad value fails
/// before any work is done.
/// </summary>
public sealed record ClassifierTrainingOptions
{
    /// <summary>The defaults the committed model was trained with.</summary>
    public static ClassifierTrainingOptions Default { get; } = new();

    /// <summary>Seed of the ML.NET context; with one thread, the same corpus and seed give the same model.</summary>
    public int Seed { get; init; } = 20240917;

    /// <summary>Longest character n-gram (all lengths from 1 up to it are used). 1..5.</summary>
    public int MaxNgramLength { get; init; } = 3;

    /// <summary>L2 weight penalty of the logistic regression (>= 0).</summary>
    public float L2Regularization { get; init; } = 0.01f;

    /// <summary>L1 weight penalty of the logistic regression (>= 0); keeps the model small.</summary>
    public float L1Regularization { get; init; } = 0.01f;

    /// <summary>Probability at or above which an utterance is called rude (0..1, exclusive).</summary>
    public float DecisionThreshold { get; init; } = 0.5f;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (MaxNgramLength is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxNgramLength), MaxNgramLength, "the longest character n-gram must be between 1 and 5");
        }

        if (!(L2Regularization >= 0) || float.IsInfinity(L2Regularization))
        {
            throw new ArgumentOutOfRangeException(nameof(L2Regularization), L2Regularization, "the L2 penalty must be a finite number >= 0");
        }

        if (!(L1Regularization >= 0) || float.IsInfinity(L1Regularization))
        {
            throw new ArgumentOutOfRangeException(nameof(L1Regularization), L1Regularization, "the L1 penalty must be a finite number >= 0");
        }

        if (!(DecisionThreshold is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(DecisionThreshold), DecisionThreshold, "the decision threshold must be a probability strictly between 0 and 1");
        }
    }
}
