namespace CallMonitor.Classification;

/// <summary>
/// A classifier model file is missing, corrupt or of another kind. <see cref="Problem"/> says which, and the
/// message says how to get a good file (usually: retrain with <c>callmonitor train-classifier</c>).
/// </summary>
public sealed class ClassifierModelException : Exception
{
    public ClassifierModelException()
    {
    }

    public ClassifierModelException(string message)
        : base(message)
    {
    }

    public ClassifierModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ClassifierModelException(ClassifierModelProblem problem, string modelPath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
        ModelPath = modelPath;
    }

    /// <summary>What is wrong with the file.</summary>
    public ClassifierModelProblem Problem { get; }

    /// <summary>The model file at fault, when known.</summary>
    public string? ModelPath { get; }
}
