using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CallMonitor.Classification;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Models;

namespace CallMonitor.Cli.Commands;

/// <summary>
/// <c>callmonitor train-classifier</c>: trains the rude-utterance classifier on the labelled corpus, prints
/// precision/recall/F1 on the held-out split it never trained on, and saves the model under models/classifier/.
/// </summary>
public static class TrainClassifierCommand
{
    public static Command Create()
    {
        var corpus = new Option<string?>("--corpus") { Description = "Labelled corpus (TSV: label, category, text, origin); default: the built-in corpus" };
        var output = new Option<string?>("--out") { Description = $"Where to save the model (default: models/classifier/{RudeUtteranceClassifier.DefaultFileName})" };
        var command = new Command("train-classifier", "Train the rude-utterance classifier (ML.NET) and print its held-out precision, recall and F1") { corpus, output };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                var data = parse.GetValue(corpus) is { } path ? UtteranceCorpus.Load(path) : UtteranceCorpus.Embedded;
                var target = parse.GetValue(output) ?? DefaultModelPath();
                var clock = Stopwatch.StartNew();
                using var trained = ClassifierTrainer.Train(data);
                var seconds = clock.Elapsed.TotalSeconds;
                trained.Save(target);
                var c = CultureInfo.InvariantCulture;
                await Console.Out.WriteLineAsync(trained.Evaluation.Describe()).ConfigureAwait(false);
                await Console.Out.WriteLineAsync(string.Create(c, $"trained in {seconds:0.0} s on {data.Count} lines; model version {trained.Info.Version} saved to {target}")).ConfigureAwait(false);
                return ExitCodes.Ok;
            },
            ct));
        return command;
    }

    private static string DefaultModelPath()
    {
        var root = RepositoryRoot.TryFind() ?? throw new UsageException("cannot find the CallMonitor folder for models/classifier (set CALLMONITOR_HOME or use --out)");
        return Path.Combine(root, "models", "classifier", RudeUtteranceClassifier.DefaultFileName);
    }
}
