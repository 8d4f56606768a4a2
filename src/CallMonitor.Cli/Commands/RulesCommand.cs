using System.CommandLine;
using System.Globalization;
using System.Text;
using CallMonitor.Chinese.Matching;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Compliance.Engine;
using CallMonitor.Compliance.Judging;
using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;
using CallMonitor.Hosting.Classification;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Cli.Commands;

/// <summary>
/// <c>callmonitor rules validate PACK</c> (a broken pack gets its line and column) and <c>callmonitor rules test PACK
/// --transcript T.json</c> (which rule fires where, and why; and which hits a context exception held back).
/// </summary>
public static class RulesCommand
{
    public static Command Create()
    {
        var validatePack = new Argument<string>("pack") { Description = "Rule pack file (YAML); 'default' for the built-in pack" };
        var validate = new Command("validate", "Check a rule pack: every problem is reported with its line and column") { validatePack };
        validate.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                var pack = Load(parse.GetValue(validatePack)!);
                await Console.Out.WriteLineAsync(Describe(pack)).ConfigureAwait(false);
                return ExitCodes.Ok;
            },
            ct));

        var testPack = new Argument<string>("pack") { Description = "Rule pack file (YAML); 'default' for the built-in pack" };
        var transcript = new Option<string>("--transcript") { Description = "Transcript JSON to run the pack on", Required = true };
        var startedAt = new Option<string?>("--started-at") { Description = "Local start of the call (ISO 8601), for the time-of-day greeting; default: the transcript's" };
        var test = new Command("test", "Run a pack over a transcript and show which rule fires where, and why") { testPack, transcript, startedAt };
        test.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                var pack = Load(parse.GetValue(testPack)!);
                var document = TranscriptReader.Read(parse.GetValue(transcript)!);
                var start = parse.GetValue(startedAt) is { } text
                    ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture)
                    : document.StartedAt;
                await Console.Out.WriteAsync(Explain(pack, document, start).AsMemory(), token).ConfigureAwait(false);
                return ExitCodes.Ok;
            },
            ct));
        return new Command("rules", "Rule packs: validate one, or test one on a transcript") { validate, test };
    }

    private static RulePack Load(string path) => path == "default" ? RulePack.Default : RulePackLoader.Load(path);

    private static string Describe(RulePack pack)
    {
        var phrases = pack.Rules.Sum(r => r.PhraseSets.Values.Sum(s => s.Phrases.Count + s.Patterns.Count));
        var types = pack.Rules.GroupBy(r => r.TypeName).Select(g => $"{g.Key} {g.Count()}");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{pack.SourceName}: valid. {pack.Id} {pack.Version} ({pack.Locale}): {pack.Rules.Count} rules, {phrases} phrases and patterns; {string.Join(", ", types)}");
    }

    private static string Explain(RulePack pack, TranscriptDocument document, DateTimeOffset? start)
    {
        var c = CultureInfo.InvariantCulture;
        var events = TranscriptEvents.ToEvents(document);
        var end = TimeSpan.FromTicks(events.Select(e => e.Span.End.Ticks).DefaultIfEmpty(0).Max());
        using var judge = RudeUtteranceJudge.TryLoadDefault();
        var engine = new ComplianceEngine(pack, new ComplianceEngineOptions(judge));
        var judgement = RecordedCallJudge.Judge(engine, document.CallId, new CallContext(start), events, end);
        var sb = new StringBuilder();
        sb.AppendLine(c, $"{pack.Id} {pack.Version} on {document.CallId} ({document.Segments.Count} utterances, {end.TotalSeconds:0.0} s{(start is { } s ? $", started {s:yyyy-MM-dd HH:mm zzz}" : ", start time unknown")})");
        sb.AppendLine(c, $"{judgement.Violations.Count} rule hits:");
        foreach (var v in judgement.Violations)
        {
            var rule = pack.Find(v.RuleId);
            sb.AppendLine(c, $"  {v.Span.Start.TotalSeconds,7:0.00}-{v.Span.End.TotalSeconds,7:0.00}  {v.Role.ToWireName(),-8} {v.Type} [{v.RuleId}, {v.Severity}]");
            sb.AppendLine(c, $"      {(v.Phrase is null ? "" : $"phrase '{v.Phrase}' in ")}'{v.Evidence}' (confidence {v.Confidence:0.00})");
            if (rule is not null)
            {
                sb.AppendLine(c, $"      why: {rule.Description} ({rule.Source})");
            }
        }

        var held = HeldBack(pack, document);
        if (held.Count > 0)
        {
            sb.AppendLine(c, $"{held.Count} hits held back by a context exception:");
            foreach (var line in held)
            {
                sb.AppendLine(line);
            }
        }

        if (engine.UnevaluatedRules.Count > 0)
        {
            sb.AppendLine(c, $"not evaluated by this version: {string.Join(", ", engine.UnevaluatedRules.Select(r => r.Id))}");
        }

        return sb.ToString();
    }

    /// <summary>Phrase hits that a rule's context exception suppressed, so a pack author sees why nothing fired.</summary>
    private static List<string> HeldBack(RulePack pack, TranscriptDocument document)
    {
        var lines = new List<string>();
        foreach (var rule in pack.Rules.Where(r => r.Exceptions.Count > 0))
        {
            var patterns = rule.PhraseSets.Values
                .SelectMany(set => set.Phrases.Select(p => (Set: set.Name, Phrase: p)))
                .Where(x => x.Phrase.Exceptions.Count > 0)
                .Select((x, i) => new PhrasePattern($"{x.Set}#{i}", x.Phrase.Text, rule.Tolerance) { Exceptions = x.Phrase.Exceptions, Anchor = x.Phrase.Anchor })
                .ToList();
            if (patterns.Count == 0)
            {
                continue;
            }

            var matcher = PhraseMatcher.Compile(patterns);
            foreach (var segment in document.Segments.Where(s => rule.Role == SpeakerRole.Conversation || s.Speaker == rule.Role))
            {
                foreach (var held in matcher.Find(segment.Text).Suppressed)
                {
                    lines.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {segment.Start,7:0.00}  {segment.Speaker.ToWireName(),-8} [{rule.Id}] '{held.Match.Evidence}' is inside the exception '{held.ExceptionEvidence}' in '{segment.Text}'"));
                }
            }
        }

        return lines;
    }
}
