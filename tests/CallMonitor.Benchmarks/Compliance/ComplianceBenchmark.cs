using System.Globalization;
using CallMonitor.Acoustics.Vad;
using CallMonitor.Benchmarks.Output;
using CallMonitor.Compliance.Engine;
using CallMonitor.Compliance.Rules;
using CallMonitor.Hosting.Classification;
using CallMonitor.Speech.Transcripts;
using CallMonitor.TestKit.Calls;

namespace CallMonitor.Benchmarks.Compliance;

/// <summary>
/// <c>callmonitor-bench compliance</c>: every corpus call through the default rule pack; precision and recall per
/// violation type against the expectations written before the run, and each call's misses and false alarms.
/// </summary>
internal static class ComplianceBenchmark
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var options = ComplianceBenchOptions.Parse(args);
        var calls = CorpusReader.Read(options.Corpus);
        var bank = options.SharedDirectory is { } shared && Directory.Exists(Path.Combine(shared, "audio"))
            ? VoiceBank.Load(Path.Combine(shared, "audio"))
            : null;
        var detectors = Detectors(options);
        // The product's engine: the default pack plus the committed rude-utterance classifier.
        using var judge = RudeUtteranceJudge.TryLoadDefault();
        var engine = new ComplianceEngine(RulePack.Default, new ComplianceEngineOptions(judge));
        var runner = new CallRunner(engine, bank, detectors);
        if (options.RefreshRendered)
        {
            return RefreshRendered(runner, calls, options.Corpus, output);
        }

        output.WriteLine($"# callmonitor-bench compliance {string.Join(' ', args)}");
        output.WriteLine($"corpus {options.Corpus}: {calls.Count} calls ({calls.Count(c => c.RenderScript is not null)} rendered with audio), "
            + $"{calls.Sum(c => c.Expected.Count)} expected violations");
        output.WriteLine($"rule pack {engine.Pack.Id} {engine.Pack.Version}; rules without an evaluator (never fire): "
            + (engine.UnevaluatedRules.Count == 0 ? "none" : string.Join(", ", engine.UnevaluatedRules.Select(r => $"{r.Id} ({r.TypeName})"))));
        output.WriteLine($"rendered calls: {(bank is null ? "skipped, shared recordings not found" : $"VAD {detectors.DetectorName}{(detectors.FallbackReason is { } why ? $" (fallback: {why})" : string.Empty)}")}");
        var scores = new List<CallScore>();
        foreach (var call in calls)
        {
            if (call.RenderScript is not null && bank is null)
            {
                output.WriteLine($"  skipped {call.Name}: needs the shared recordings");
                continue;
            }

            var found = runner.RunAsync(call, CancellationToken.None).GetAwaiter().GetResult();
            scores.Add(ViolationScorer.Score(call, found));
        }

        output.WriteLine();
        PrintTypes(scores, output);
        output.WriteLine();
        PrintCalls(scores, output);
        return 0;
    }

    private static VoiceActivityDetectorFactory Detectors(ComplianceBenchOptions options)
    {
        if (options.Vad == "energy" || options.SharedDirectory is null)
        {
            return new VoiceActivityDetectorFactory(null, preferEnergy: true);
        }

        var cache = Environment.GetEnvironmentVariable("CALLMONITOR_MODEL_CACHE");
        var cached = string.IsNullOrEmpty(cache) ? null : Path.Combine(cache, "silero-vad-v5", "silero_vad.onnx");
        var model = cached is not null && File.Exists(cached) ? cached : Path.Combine(options.SharedDirectory, "models", "silero-vad-v5", "silero_vad.onnx");
        return new VoiceActivityDetectorFactory(model);
    }

    private static void PrintTypes(List<CallScore> scores, TextWriter output)
    {
        var table = new TextTable("type", "expected", "found", "TP", "FP", "FN", "precision", "recall");
        var (tp, fp, fn) = (0, 0, 0);
        foreach (var type in RuleTypes.All)
        {
            var t = scores.Sum(s => s.Hits.Count(h => h.Expected.Type == type));
            var p = scores.Sum(s => s.FalseAlarms.Count(f => f.Type == type));
            var n = scores.Sum(s => s.Misses.Count(m => m.Type == type));
            (tp, fp, fn) = (tp + t, fp + p, fn + n);
            table.Add(type, t + n, t + p, t, p, n, Ratio(t, t + p), Ratio(t, t + n));
        }

        table.Separator().Add("all", tp + fn, tp + fp, tp, fp, fn, Ratio(tp, tp + fp), Ratio(tp, tp + fn));
        table.WriteTo(output);
        output.WriteLine("(precision/recall '-' where nothing was found/expected)");
    }

    private static void PrintCalls(List<CallScore> scores, TextWriter output)
    {
        output.WriteLine("per call (miss = expected, not found; false alarm = found, not expected):");
        foreach (var s in scores)
        {
            var status = s.Misses.Count + s.FalseAlarms.Count == 0 ? "ok" : $"{s.Misses.Count} missed, {s.FalseAlarms.Count} false alarms";
            output.WriteLine($"  {s.Call.Name}: expected {s.Call.Expected.Count}, matched {s.Hits.Count}; {status}");
            foreach (var m in s.Misses)
            {
                output.WriteLine($"      miss  {m.Type} {m.Speaker} {Seconds(m.Start)}-{Seconds(m.End)} s: {m.Note}");
            }

            foreach (var f in s.FalseAlarms)
            {
                output.WriteLine($"      false {f.Type} {f.Speaker} {Seconds(f.Start)}-{Seconds(f.End)} s [{f.RuleId}]: {f.Evidence}");
            }
        }
    }

    private static int RefreshRendered(CallRunner runner, IReadOnlyList<CorpusCall> calls, string corpus, TextWriter output)
    {
        foreach (var call in calls.Where(c => c.RenderScript is not null))
        {
            var (rendered, transcript) = runner.Render(call.RenderScript!);
            var path = Path.Combine(corpus, call.Name + CorpusReader.TranscriptSuffix);
            File.WriteAllText(path, TranscriptWriter.Write(transcript));
            var truth = rendered.Truth;
            output.WriteLine($"{call.Name} ({rendered.WavPath}, {truth.DurationSeconds:0.00} s) -> {path}");
            foreach (var u in truth.Utterances)
            {
                output.WriteLine($"  {u.Role,-8} {Seconds(u.Span.Start / (double)truth.SampleRate)}-{Seconds(u.Span.End / (double)truth.SampleRate)} "
                    + $"{u.CharactersPerMinute(truth.SampleRate):0} chars/min  {u.Text}");
            }

            foreach (var silence in truth.SilencesAtLeast(5))
            {
                output.WriteLine($"  silence {Seconds(silence.Span.Start / (double)truth.SampleRate)}-{Seconds(silence.Span.End / (double)truth.SampleRate)} ({silence.Before} -> {silence.After})");
            }

            foreach (var overlap in truth.Overlaps)
            {
                output.WriteLine($"  overlap {Seconds(overlap.Span.Start / (double)truth.SampleRate)}-{Seconds(overlap.Span.End / (double)truth.SampleRate)} ({overlap.SecondSpeaker} over {overlap.FirstSpeaker})");
            }
        }

        return 0;
    }

    private static double Ratio(int part, int whole) => whole == 0 ? double.NaN : (double)part / whole;

    private static string Seconds(double s) => s.ToString("0.00", CultureInfo.InvariantCulture);
}
