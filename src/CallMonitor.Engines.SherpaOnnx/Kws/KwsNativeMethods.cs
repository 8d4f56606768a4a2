using System.Runtime.InteropServices;
using CallMonitor.Engines.SherpaOnnx.Native;

namespace CallMonitor.Engines.SherpaOnnx.Kws;

/// <summary>
/// The keyword-spotter functions of sherpa-onnx's C API, and the online-stream functions its streams use
/// (int32_t booleans: non-zero is true). Streams are plain <c>SherpaOnnxOnlineStream*</c>.
/// </summary>
internal static unsafe partial class KwsNativeMethods
{
    /// <summary>Returns NULL when the config is invalid (the library prints why when debug is set).</summary>
    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxCreateKeywordSpotter")]
    public static partial IntPtr CreateSpotter(in NativeKeywordSpotterConfig config);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxDestroyKeywordSpotter")]
    public static partial void DestroySpotter(IntPtr spotter);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxCreateKeywordStream")]
    public static partial IntPtr CreateStream(KeywordSpotterHandle spotter);

    /// <summary><paramref name="keywords"/>: keyword lines joined with '/', in the keyword-file format.</summary>
    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxCreateKeywordStreamWithKeywords")]
    public static partial IntPtr CreateStreamWithKeywords(KeywordSpotterHandle spotter, byte* keywords);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxDestroyOnlineStream")]
    public static partial void DestroyStream(IntPtr stream);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxOnlineStreamAcceptWaveform")]
    public static partial void AcceptWaveform(KeywordStreamHandle stream, int sampleRate, float* samples, int count);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxOnlineStreamInputFinished")]
    public static partial void InputFinished(KeywordStreamHandle stream);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxIsKeywordStreamReady")]
    public static partial int IsReady(KeywordSpotterHandle spotter, KeywordStreamHandle stream);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxDecodeKeywordStream")]
    public static partial void Decode(KeywordSpotterHandle spotter, KeywordStreamHandle stream);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxResetKeywordStream")]
    public static partial void Reset(KeywordSpotterHandle spotter, KeywordStreamHandle stream);

    /// <summary>A new snapshot (keyword empty when nothing fired); free it with <see cref="DestroyResult"/>.</summary>
    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxGetKeywordResult")]
    public static partial NativeKeywordResult* GetResult(KeywordSpotterHandle spotter, KeywordStreamHandle stream);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxDestroyKeywordResult")]
    public static partial void DestroyResult(NativeKeywordResult* result);
}
