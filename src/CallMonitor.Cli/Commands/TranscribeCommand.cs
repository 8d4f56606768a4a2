using System.CommandLine;
using System.Globalization;
using System.Text;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Errors;
using CallMonitor.Engines.Vosk;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Cli.Commands;

/// <summary><c>callmonitor transcribe CALL.wav</c>: the timed transcript per speaker, as text or as transcript JSON.</summary>
public static class TranscribeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Call recording (any format analyze reads)" };
        var common = new CommonAnalysisOptions();
        var format = new Option<string>("--format") { Description = "text (one line per utterance) or json (the --transcript format)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var output = new Option<string?>("--out") { Description = "Write the transcript to this file instead of standard output" };
        var command = new Command("transcribe", "Transcribe a call with Vosk: who said what, and when") { file, format, output };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                var request = common.Read(parse, parse.GetValue(file), [VoskEngine.EngineName]) with { RequireEngines = true };
                var report = await AnalysisProgress.RunAsync(request, token).ConfigureAwait(false);
                var vosk = report.Engines.First(e => e.Name == VoskEngine.EngineName);
                if (vosk.Status != "ok")
                {
                    throw new EngineUnavailableException(VoskEngine.EngineName, vosk.Detail ?? vosk.Status);
                }

                var transcript = report.Transcript ?? new TranscriptDocument(report.CallId, null, [], []);
                var body = parse.GetValue(format) == "json" ? TranscriptWriter.Write(transcript) + "\n" : AsText(transcript);
                await ReportOutput.WriteAsync(body, parse.GetValue(output), token).ConfigureAwait(false);
                return ExitCodes.Ok;
            },
            ct));
        return command;
    }

    /// <summary>One line per utterance: times, speaker, text.</summary>
    internal static string AsText(TranscriptDocument transcript)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        foreach (var s in transcript.Segments)
        {
            sb.AppendLine(c, $"[{s.Start,8:0.00} - {s.End,8:0.00}] {s.Speaker.ToWireName(),-8} {s.Text}");
        }

        return sb.ToString();
    }
}
