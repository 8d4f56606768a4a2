namespace CallMonitor.Models;

/// <summary>Archive formats a model can be published in.</summary>
public enum ArchiveFormat
{
    /// <summary>A .zip file (Vosk models).</summary>
    Zip,

    /// <summary>A bzip2-compressed tar file (sherpa-onnx release assets).</summary>
    TarBz2,
}
