using System.Runtime.InteropServices;

namespace CallMonitor.Engines.Vosk.Native;

/// <summary>
/// The parts of Vosk's C API (vosk_api.h) this engine uses. Strings are NUL-terminated UTF-8. The JSON strings the
/// recognizer returns stay owned by it and are overwritten by its next call: copy them at once, never free them.
/// </summary>
internal static unsafe partial class VoskNativeMethods
{
    /// <summary>Kaldi log verbosity: 0 info and errors, below 0 warnings and errors only, above 0 debug.</summary>
    [LibraryImport(VoskLibrary.ImportName, EntryPoint = "vosk_set_log_level")]
    public static partial void SetLogLevel(int level);

    /// <summary>Loads a model folder; NULL when the folder is missing or not a readable model.</summary>
    [LibraryImport(VoskLibrary.ImportName, EntryPoint = "vosk_model_new", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ModelNew(string modelPath);

    /// <summary>Drops the caller's reference; recognizers hold their own, so the model lives until the last one is freed.</summary>
    [LibraryImport(VoskLibrary.ImportName, EntryPoint = "vosk_model_free")]
    public static partial void ModelFree(IntPtr model);

    [LibraryImport(VoskLibrary.ImportName, EntryPoint = "vosk_recognizer_new")]
    public static partial IntPtr RecognizerNew(VoskModelHandle model, float sampleRate);

    /// <summary>A recognizer limited to a phrase list given as a JSON array of strings.</summary>
    [LibraryImport(VoskLibrary.ImportName, EntryPoint = "vosk_recognizer_new_grm", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr RecognizerNewGrammar(VoskModelHandle model, float sampleRate, string grammarJson);

    [LibraryImport(VoskLibrary.ImportName, EntryPoint = "vosk_recognizer_free")]
    public static partial void RecognizerFree(IntPtr recognizer);

    [LibraryImport(VoskLibrary.ImportName, EntryPoint = "vosk_recognizer_set_words")]
    public static partial void SetWords(VoskRecognizerHandle recognizer, int words);

    [LibraryImport(VoskLibrary.ImportName, EntryPoint = "vosk_recognizer_set_partial_words")]
    public static partial void SetPartialWords(VoskRecognizerHandle recognizer, int partialWords);

    [LibraryImport(VoskLibrary.ImportName, EntryPoint = "vosk_recognizer_set_max_alternatives")]
    public static partial void SetMaxAlternatives(VoskRecognizerHandle recognizer, int maxAlternatives);

    /// <summary>
    /// Float samples at int16 scale (vosk copies them into Kaldi's wave buffer unchanged). Returns 1 at an endpoint
    /// (a result is ready), 0 while decoding continues, -1 on an internal error.
    /// </summary>
    [LibraryImport(VoskLibrary.ImportName, EntryPoint = "vosk_recognizer_accept_waveform_f")]
    public static partial int AcceptWaveformFloat(VoskRecognizerHandle recognizer, float* data, int length);

    [LibraryImport(VoskLibrary.ImportName, EntryPoint = "vosk_recognizer_result")]
    public static partial IntPtr Result(VoskRecognizerHandle recognizer);

    [LibraryImport(VoskLibrary.ImportName, EntryPoint = "vosk_recognizer_partial_result")]
    public static partial IntPtr PartialResult(VoskRecognizerHandle recognizer);

    [LibraryImport(VoskLibrary.ImportName, EntryPoint = "vosk_recognizer_final_result")]
    public static partial IntPtr FinalResult(VoskRecognizerHandle recognizer);

    [LibraryImport(VoskLibrary.ImportName, EntryPoint = "vosk_recognizer_reset")]
    public static partial void Reset(VoskRecognizerHandle recognizer);

    /// <summary>Copies a string the recognizer owns.</summary>
    public static string Copy(IntPtr utf8) => Marshal.PtrToStringUTF8(utf8) ?? string.Empty;
}
