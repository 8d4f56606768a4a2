using CallMonitor.Domain.Errors;
using CallMonitor.Engines.Vosk.Native;

namespace CallMonitor.Engines.Vosk.Recognition;

/// <summary>A <c>VoskRecognizer*</c> behind <see cref="IVoskDecoder"/>: scales samples and copies every result string at once.</summary>
internal sealed class NativeVoskDecoder : IVoskDecoder
{
    private readonly VoskRecognizerHandle _recognizer;
    private float[] _scaled = new float[3200];

    private NativeVoskDecoder(VoskRecognizerHandle recognizer)
    {
        _recognizer = recognizer;
    }

    /// <summary>A recognizer at 16 kHz with word times on.</summary>
    /// <param name="grammarJson">A JSON array of phrases to restrict recognition to, or null for the full vocabulary.</param>
    /// <exception cref="EngineUnavailableException">vosk returned NULL.</exception>
    public static NativeVoskDecoder Create(VoskModelHandle model, VoskSettings settings, string? grammarJson, string callId, string role)
    {
        var pointer = grammarJson is null
            ? VoskNativeMethods.RecognizerNew(model, VoskSettings.SampleRate)
            : VoskNativeMethods.RecognizerNewGrammar(model, VoskSettings.SampleRate, grammarJson);
        if (pointer == IntPtr.Zero)
        {
            throw new EngineUnavailableException(
                VoskLibrary.EngineName,
                $"vosk could not create a recognizer for call {callId}, {role} channel"
                + (grammarJson is null ? string.Empty : " (a phrase list needs a model with a lookahead graph, graph/HCLr.fst + Gr.fst)")
                + "; see the library's ERROR line on stderr");
        }

        var handle = new VoskRecognizerHandle(pointer);
        VoskNativeMethods.SetWords(handle, 1);
        VoskNativeMethods.SetPartialWords(handle, settings.PartialWords ? 1 : 0);
        VoskNativeMethods.SetMaxAlternatives(handle, settings.MaxAlternatives);
        return new NativeVoskDecoder(handle);
    }

    public unsafe int Accept(ReadOnlySpan<float> samples)
    {
        if (_scaled.Length < samples.Length)
        {
            _scaled = new float[samples.Length];
        }

        VoskSampleScale.ToInt16Range(samples, _scaled);
        fixed (float* p = _scaled)
        {
            return VoskNativeMethods.AcceptWaveformFloat(_recognizer, p, samples.Length);
        }
    }

    public string Result() => VoskNativeMethods.Copy(VoskNativeMethods.Result(_recognizer));

    public string PartialResult() => VoskNativeMethods.Copy(VoskNativeMethods.PartialResult(_recognizer));

    public string FinalResult() => VoskNativeMethods.Copy(VoskNativeMethods.FinalResult(_recognizer));

    public void Dispose() => _recognizer.Dispose();
}
