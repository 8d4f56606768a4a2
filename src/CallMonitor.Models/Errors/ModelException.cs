using CallMonitor.Domain.Errors;

namespace CallMonitor.Models;

/// <summary>Base of the errors the model manifest, store and installer report; messages say what to do.</summary>
public abstract class ModelException : CallMonitorException
{
    protected ModelException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
