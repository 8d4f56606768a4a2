using System.Text;
using CallMonitor.Domain.Errors;

namespace CallMonitor.Engines.SherpaOnnx.Vad;

/// <summary>
/// Checks a Silero model file before the library sees it. sherpa-onnx ends the whole process (exit or an
/// uncaught C++ exception) on a file that is not ONNX or not a Silero v5 graph, so that must be caught here.
/// </summary>
internal static class SileroModelFile
{
    public const string EngineName = "silero-vad";

    // ONNX files are protobuf ModelProto messages: the first field is ir_version (field 1, varint) = 0x08.
    private const byte OnnxFirstByte = 0x08;

    // The v5 (and v6) graphs carry their recurrent state through an output named "stateN"; v4 graphs do not.
    private static readonly byte[] V5StateOutput = Encoding.ASCII.GetBytes("stateN");

    /// <exception cref="EngineUnavailableException">Missing, unreadable or not a Silero VAD v5 model.</exception>
    public static void Check(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new EngineUnavailableException(
                EngineName,
                $"VAD model not found at {fullPath}; run ./callmonitor models install silero-vad-v5 or pass the path of silero_vad.onnx");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EngineUnavailableException(EngineName, $"VAD model at {fullPath} cannot be read: {ex.Message}", ex);
        }

        if (bytes.Length < 1024 || bytes[0] != OnnxFirstByte)
        {
            throw new EngineUnavailableException(
                EngineName, $"{fullPath} is not an ONNX model ({bytes.Length} bytes); reinstall silero_vad.onnx (v5)");
        }

        if (bytes.AsSpan().IndexOf(V5StateOutput) < 0)
        {
            throw new EngineUnavailableException(
                EngineName, $"{fullPath} is not a Silero VAD v5 model (no 'stateN' output); use silero_vad.onnx v5");
        }
    }
}
