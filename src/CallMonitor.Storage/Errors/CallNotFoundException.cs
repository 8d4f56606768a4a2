namespace CallMonitor.Storage.Errors;

/// <summary>An operation named a call the store has never seen started.</summary>
public sealed class CallNotFoundException : StorageException
{
    public CallNotFoundException(string callId)
        : base($"Call '{callId}' is not in the store: it was never started, or the id is misspelt.")
    {
        CallId = callId;
    }

    public string CallId { get; }
}
