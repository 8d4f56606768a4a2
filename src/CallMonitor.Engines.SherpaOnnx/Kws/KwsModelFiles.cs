using CallMonitor.Domain.Errors;

namespace CallMonitor.Engines.SherpaOnnx.Kws;

/// <summary>The four files of a sherpa-onnx streaming transducer keyword-spotting model.</summary>
public sealed record KwsModelFiles(string Encoder, string Decoder, string Joiner, string Tokens)
{
    /// <summary>
    /// Finds the files in a model folder: <c>encoder*.onnx</c> (the int8 one preferred), <c>decoder*.onnx</c>,
    /// <c>joiner*.onnx</c> (int8 preferred) and <c>tokens.txt</c>.
    /// </summary>
    /// <exception cref="EngineUnavailableException">The folder or one of the files is missing.</exception>
    public static KwsModelFiles FromDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new EngineUnavailableException(
                KeywordSpotterEngine.EngineName, $"keyword model folder {full} not found; install the KWS model or pass its folder");
        }

        return new KwsModelFiles(
            Pick(full, "encoder"), Pick(full, "decoder"), Pick(full, "joiner"), Path.Combine(full, "tokens.txt"));
    }

    /// <summary>Checks each file exists, is readable and looks like what it should be, before the library sees it.</summary>
    /// <exception cref="EngineUnavailableException">Names the first bad file.</exception>
    public void Check()
    {
        CheckOnnx(Encoder, "encoder");
        CheckOnnx(Decoder, "decoder");
        CheckOnnx(Joiner, "joiner");
        CheckExists(Tokens, "tokens.txt");
    }

    private static string Pick(string dir, string part)
    {
        var candidates = Directory.GetFiles(dir, part + "*.onnx").Order(StringComparer.Ordinal).ToArray();
        if (candidates.Length == 0)
        {
            // Report the conventional name so the message says what is missing.
            return Path.Combine(dir, part + ".onnx");
        }

        return candidates.FirstOrDefault(c => c.EndsWith(".int8.onnx", StringComparison.Ordinal)) ?? candidates[0];
    }

    private static void CheckExists(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new EngineUnavailableException(
                KeywordSpotterEngine.EngineName, $"keyword model {what} not found at {Path.GetFullPath(path)}; reinstall the KWS model");
        }
    }

    private static void CheckOnnx(string path, string what)
    {
        CheckExists(path, what);
        var head = new byte[1];
        try
        {
            using var file = File.OpenRead(path);
            if (file.Length < 1024 || file.Read(head) != 1 || head[0] != 0x08)
            {
                // ONNX files are protobuf ModelProto messages whose first field, ir_version, starts with 0x08.
                throw new EngineUnavailableException(
                    KeywordSpotterEngine.EngineName, $"keyword model {what} {path} is not an ONNX model; reinstall the KWS model");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EngineUnavailableException(
                KeywordSpotterEngine.EngineName, $"keyword model {what} {path} cannot be read: {ex.Message}", ex);
        }
    }
}
