namespace CallMonitor.Cli.Tests;

/// <summary>The bundled sample call and its transcript (samples/, made by samples/make-demo-call.sh).</summary>
internal static class Samples
{
    public static string Wav => Path.Combine(Root, "samples", "demo-call.wav");

    public static string Transcript => Path.Combine(Root, "samples", "demo-call.transcript.json");

    private static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CallMonitor.sln")))
            {
                dir = dir.Parent;
            }

            Assert.That(dir, Is.Not.Null, "repository root not found above the test folder");
            return dir!.FullName;
        }
    }
}
