using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;

namespace CallMonitor.Classification;

/// <summary>
/// The model file: an ML.NET model zip with one extra entry, <see cref="InfoEntry"/>, holding the
/// <see cref="ClassifierModelInfo"/>. ML.NET ignores entries it does not know.
/// </summary>
internal static class ModelFile
{
    public const string InfoEntry = "callmonitor/classifier.json";

    private const string Retrain = "retrain it with 'callmonitor train-classifier' (or ClassifierTrainer.Train) and save it again";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void Write(string path, MLContext ml, ITransformer model, DataViewSchema inputSchema, ClassifierModelInfo info)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.tmp");
        try
        {
            ml.Model.Save(model, inputSchema, temporary);
            using (var archive = ZipFile.Open(temporary, ZipArchiveMode.Update))
            {
                var entry = archive.CreateEntry(InfoEntry, CompressionLevel.Optimal);
                using var stream = entry.Open();
                JsonSerializer.Serialize(stream, info, Json);
            }

            // Readers never see a half-written model: the finished file replaces the old one in one step.
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static (ITransformer Model, ClassifierModelInfo Info) Read(string path, MLContext ml)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ClassifierModelException(ClassifierModelProblem.Missing, fullPath, $"classifier model not found: {fullPath}; train one with 'callmonitor train-classifier', which saves models/classifier/rude-utterance.zip");
        }

        var info = ReadInfo(fullPath);
        try
        {
            // ML.NET reports a damaged archive with whatever its reader hit (InvalidOperationException, FormatException,
            // EndOfStreamException, NullReferenceException…): all of them mean "this file is not a usable model".
            var model = ml.Model.Load(fullPath, out _);
            return (model, info);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ClassifierModelException(ClassifierModelProblem.Corrupt, fullPath, $"classifier model {fullPath} is damaged: ML.NET cannot load it ({ex.Message}); {Retrain}", ex);
        }
    }

    private static ClassifierModelInfo ReadInfo(string fullPath)
    {
        ClassifierModelInfo? info;
        try
        {
            using var archive = ZipFile.OpenRead(fullPath);
            var entry = archive.GetEntry(InfoEntry)
                ?? throw new ClassifierModelException(ClassifierModelProblem.Incompatible, fullPath, $"{fullPath} is a zip but not a CallMonitor classifier model (no {InfoEntry} entry); {Retrain}");
            using var stream = entry.Open();
            info = JsonSerializer.Deserialize<ClassifierModelInfo>(stream, Json);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or IOException)
        {
            throw new ClassifierModelException(ClassifierModelProblem.Corrupt, fullPath, $"classifier model {fullPath} is damaged or not a zip archive ({ex.Message}); {Retrain}", ex);
        }

        if (info is null || info.Options is null || info.HeldOut is null || string.IsNullOrEmpty(info.CorpusFingerprint))
        {
            throw new ClassifierModelException(ClassifierModelProblem.Corrupt, fullPath, $"classifier model {fullPath} has an empty or incomplete {InfoEntry}; {Retrain}");
        }

        if (info.FormatVersion != ClassifierModelInfo.CurrentFormatVersion)
        {
            throw new ClassifierModelException(ClassifierModelProblem.Incompatible, fullPath, $"classifier model {fullPath} has format {info.FormatVersion}, this build reads format {ClassifierModelInfo.CurrentFormatVersion}; {Retrain}");
        }

        return info;
    }
}
