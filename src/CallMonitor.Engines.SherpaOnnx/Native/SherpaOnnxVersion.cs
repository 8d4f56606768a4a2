namespace CallMonitor.Engines.SherpaOnnx.Native;

/// <summary>What the loaded sherpa-onnx library says about itself (shown by <c>doctor</c>).</summary>
/// <param name="Version">Release, e.g. "1.13.8".</param>
/// <param name="GitSha1">Commit the library was built from.</param>
/// <param name="GitDate">Date of that commit.</param>
/// <param name="OnnxRuntimeVersion">Version of the onnxruntime it runs on.</param>
public sealed record SherpaOnnxVersion(string Version, string GitSha1, string GitDate, string OnnxRuntimeVersion)
{
    public override string ToString() => $"sherpa-onnx {Version} ({GitSha1}, {GitDate}), onnxruntime {OnnxRuntimeVersion}";
}
