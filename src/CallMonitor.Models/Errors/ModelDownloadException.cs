namespace CallMonitor.Models;

/// <summary>A model file or archive could not be fetched from its official URL.</summary>
public sealed class ModelDownloadException : ModelException
{
    public ModelDownloadException(string item, Uri url, string reason, string whereToPutIt, Exception? innerException = null)
        : base($"could not download {item} from {url}: {reason}; {whereToPutIt}", innerException)
    {
        Url = url;
        Reason = reason;
    }

    public Uri Url { get; }

    public string Reason { get; }
}
