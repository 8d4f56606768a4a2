namespace CallMonitor.Storage.Errors;

/// <summary>A page token was not one this store handed out; ask again without a token to start from the first page.</summary>
public sealed class InvalidPageTokenException : StorageException
{
    public InvalidPageTokenException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
