using System.Runtime.InteropServices;

namespace CallMonitor.Engines.SherpaOnnx.Kws;

// Mirrors of the keyword-spotter structs of sherpa-onnx 1.13.8's c-api.h, field for field in declaration order
// with the C types' sizes (const char* -> IntPtr, int32_t -> int, float -> float). On x64 the online model
// config is 136 bytes, the spotter config 184 and the result 56; KwsNativeStructsTests checks the offsets, and
// running the library with Debug = true prints the config it parsed.

/// <summary><c>SherpaOnnxFeatureConfig</c>: sample_rate, feature_dim.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeFeatureConfig
{
    public int SampleRate;
    public int FeatureDim;
}

/// <summary>
/// <c>SherpaOnnxOnlineModelConfig</c>: transducer (encoder, decoder, joiner), paraformer (encoder, decoder),
/// zipformer2_ctc (model), tokens, num_threads, provider, debug, model_type, modeling_unit, bpe_vocab,
/// tokens_buf, tokens_buf_size, nemo_ctc (model), t_one_ctc (model). Only the transducer is used here.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeOnlineModelConfig
{
    public IntPtr TransducerEncoder;
    public IntPtr TransducerDecoder;
    public IntPtr TransducerJoiner;
    public IntPtr ParaformerEncoder;
    public IntPtr ParaformerDecoder;
    public IntPtr Zipformer2CtcModel;
    public IntPtr Tokens;
    public int NumThreads;
    public IntPtr Provider;
    public int Debug;
    public IntPtr ModelType;
    public IntPtr ModelingUnit;
    public IntPtr BpeVocab;
    public IntPtr TokensBuf;
    public int TokensBufSize;
    public IntPtr NemoCtcModel;
    public IntPtr ToneCtcModel;
}

/// <summary>
/// <c>SherpaOnnxKeywordSpotterConfig</c>: feat_config, model_config, max_active_paths, num_trailing_blanks,
/// keywords_score, keywords_threshold, keywords_file, keywords_buf, keywords_buf_size.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeKeywordSpotterConfig
{
    public NativeFeatureConfig FeatConfig;
    public NativeOnlineModelConfig ModelConfig;
    public int MaxActivePaths;
    public int NumTrailingBlanks;
    public float KeywordsScore;
    public float KeywordsThreshold;
    public IntPtr KeywordsFile;
    public IntPtr KeywordsBuf;
    public int KeywordsBufSize;
}

/// <summary>
/// <c>SherpaOnnxKeywordResult</c>: keyword, tokens, tokens_arr, count, timestamps, start_time, json. Every
/// pointer belongs to the result and dies with <see cref="KwsNativeMethods.DestroyResult"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeKeywordResult
{
    public IntPtr Keyword;
    public IntPtr Tokens;
    public IntPtr TokensArr;
    public int Count;
    public IntPtr Timestamps;
    public float StartTime;
    public IntPtr Json;
}
