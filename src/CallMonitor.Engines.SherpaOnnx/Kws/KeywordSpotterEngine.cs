using System.Text;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Errors;
using CallMonitor.Engines.SherpaOnnx.Native;
using CallMonitor.Speech.Engines;

namespace CallMonitor.Engines.SherpaOnnx.Kws;

/// <summary>
/// sherpa-onnx's open-vocabulary keyword spotter (a streaming Zipformer transducer). Create one per process: it
/// holds the model; each channel of each call gets its own stream through <see cref="CreateRecognizer(string, SpeakerRole)"/>.
/// Keywords come pre-spelled in the model's tokens (<see cref="KeywordSpec"/>) and are checked against
/// tokens.txt here, because the library ends the process on an unknown token.
/// </summary>
public sealed class KeywordSpotterEngine : ISpeechEngine
{
    /// <summary>Engine name: the event source and the name in <see cref="EngineUnavailableException"/>s.</summary>
    public const string EngineName = "kws";

    private readonly KeywordSpotterHandle _spotter;
    private readonly TokenTable _tokens;

    /// <exception cref="EngineUnavailableException">The library or a model file is missing or unusable.</exception>
    /// <exception cref="ArgumentException">Invalid settings or a keyword the model cannot spell.</exception>
    public KeywordSpotterEngine(KeywordSpotterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        SherpaOnnxLibrary.EnsureLoaded();
        settings.Model.Check();
        _tokens = TokenTable.Load(settings.Model.Tokens);
        ValidateKeywords(settings.Keywords);
        Settings = settings;

        var keywordText = string.Join('\n', settings.Keywords.Select(KeywordLineFormat.Format));
        IntPtr spotter;
        using (var strings = new NativeUtf8Strings())
        {
            var config = new NativeKeywordSpotterConfig
            {
                FeatConfig = new NativeFeatureConfig { SampleRate = KeywordSpotterSettings.SampleRate, FeatureDim = 80 },
                ModelConfig = new NativeOnlineModelConfig
                {
                    TransducerEncoder = strings.Add(Path.GetFullPath(settings.Model.Encoder)),
                    TransducerDecoder = strings.Add(Path.GetFullPath(settings.Model.Decoder)),
                    TransducerJoiner = strings.Add(Path.GetFullPath(settings.Model.Joiner)),
                    Tokens = strings.Add(Path.GetFullPath(settings.Model.Tokens)),
                    NumThreads = settings.NumThreads,
                    Provider = strings.Add(settings.Provider),
                    Debug = settings.Debug ? 1 : 0,
                },
                MaxActivePaths = settings.MaxActivePaths,
                NumTrailingBlanks = settings.NumTrailingBlanks,
                KeywordsScore = settings.Boost,
                KeywordsThreshold = settings.Threshold,
                KeywordsBuf = strings.Add(keywordText),
                KeywordsBufSize = Encoding.UTF8.GetByteCount(keywordText),
            };
            spotter = KwsNativeMethods.CreateSpotter(in config);
        }

        if (spotter == IntPtr.Zero)
        {
            throw new EngineUnavailableException(
                EngineName,
                $"sherpa-onnx could not create a keyword spotter from {Path.GetDirectoryName(Path.GetFullPath(settings.Model.Tokens))} "
                + $"(provider '{settings.Provider}'); check the model files, or run with Debug = true to see the library's reason");
        }

        _spotter = new KeywordSpotterHandle(spotter);
    }

    public KeywordSpotterSettings Settings { get; }

    public string Name => EngineName;

    public string Description =>
        $"sherpa-onnx {SherpaOnnxLibrary.Version.Version} keyword spotter, model "
        + $"{Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(Settings.Model.Tokens)))}, {Settings.Keywords.Count} keywords";

    /// <summary>Checks keywords against the model's tokens without creating anything.</summary>
    /// <exception cref="ArgumentException">Names the first phrase the model cannot spell.</exception>
    public void ValidateKeywords(IEnumerable<KeywordSpec> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        foreach (var spec in keywords)
        {
            _tokens.Validate(spec);
        }
    }

    /// <summary>A recognizer listening for the engine's keywords.</summary>
    public IChannelRecognizer CreateRecognizer(string callId, SpeakerRole role) =>
        new KeywordChannelRecognizer(
            callId, role, Settings.Keywords, KeywordStreamHandle.Create(LiveSpotter, KwsNativeMethods.CreateStream), LiveSpotter);

    /// <summary>
    /// A recognizer listening for <paramref name="keywords"/> IN ADDITION to the engine's list (measured: a
    /// stream created with its own keywords still fires on the spotter's keywords, sherpa-onnx 1.13.8).
    /// </summary>
    /// <exception cref="ArgumentException">A keyword the model cannot spell, or an empty list.</exception>
    public unsafe IChannelRecognizer CreateRecognizer(string callId, SpeakerRole role, IReadOnlyList<KeywordSpec> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        if (keywords.Count == 0)
        {
            throw new ArgumentException("a keyword recognizer needs at least one keyword", nameof(keywords));
        }

        ValidateKeywords(keywords);
        var text = Encoding.UTF8.GetBytes(string.Join('/', keywords.Select(KeywordLineFormat.Format)) + "\0");
        var stream = KeywordStreamHandle.Create(LiveSpotter, spotter =>
        {
            fixed (byte* p = text)
            {
                return KwsNativeMethods.CreateStreamWithKeywords(spotter, p);
            }
        });
        return new KeywordChannelRecognizer(callId, role, keywords, stream, LiveSpotter);
    }

    public void Dispose() => _spotter.Dispose();

    private KeywordSpotterHandle LiveSpotter
    {
        get
        {
            ObjectDisposedException.ThrowIf(_spotter.IsClosed, this);
            return _spotter;
        }
    }
}
