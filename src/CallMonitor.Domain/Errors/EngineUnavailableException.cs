namespace CallMonitor.Domain.Errors;

/// <summary>A native engine or model could not be loaded (missing library, missing or broken model files).</summary>
public sealed class EngineUnavailableException : CallMonitorException
{
    public EngineUnavailableException(string engine, string message, Exception? innerException = null)
        : base($"{engine}: {message}", innerException)
    {
        Engine = engine;
    }

    public string Engine { get; }
}
