namespace CallMonitor.Models.Tests.Support;

/// <summary>Finds the shared model copies (shared/models): $CALLMONITOR_SHARED, or a `shared` folder beside an ancestor.</summary>
internal static class SharedModels
{
    public const string Vad = "silero-vad-v5";
    public const string Kws = "sherpa-onnx-kws-zipformer-wenetspeech-3.3M-2024-01-01-mobile";
    public const string Vosk = "vosk-model-small-cn-0.22";

    public static string? TryFindSharedDir()
    {
        var env = Environment.GetEnvironmentVariable("CALLMONITOR_SHARED");
        if (!string.IsNullOrWhiteSpace(env) && Directory.Exists(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "models")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>shared/models, or the test is ignored with the reason.</summary>
    public static string RequireModelsDir()
    {
        var shared = TryFindSharedDir();
        if (shared is null || !Directory.Exists(Path.Combine(shared, "models", Kws)) || !Directory.Exists(Path.Combine(shared, "models", Vad)))
        {
            Assert.Ignore("shared/models with the Silero VAD and sherpa-onnx KWS copies was not found (set CALLMONITOR_SHARED); the test needs real model files");
        }

        return Path.Combine(shared!, "models");
    }

    /// <summary>Copies shared/models/&lt;name&gt;/ into <paramref name="cacheDir"/>/&lt;name&gt;/ (a cache the test may damage).</summary>
    public static string CopyToCache(string name, string cacheDir)
    {
        var source = Path.Combine(RequireModelsDir(), name);
        var target = Path.Combine(cacheDir, name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
            File.SetAttributes(dest, FileAttributes.Normal);
        }

        return target;
    }

    /// <summary>The repository's models/manifest.json.</summary>
    public static ModelManifest LoadRepositoryManifest()
    {
        var root = RepositoryRoot.TryFind(TestContext.CurrentContext.TestDirectory, null)
            ?? throw new InvalidOperationException("the test runs outside the CallMonitor repository");
        return ModelManifest.Load(Path.Combine(root, "models", ModelManifest.FileName));
    }

    public static string RepositoryManifestPath() =>
        Path.Combine(RepositoryRoot.TryFind(TestContext.CurrentContext.TestDirectory, null)!, "models", ModelManifest.FileName);
}
