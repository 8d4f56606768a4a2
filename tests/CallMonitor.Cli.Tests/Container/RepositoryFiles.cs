namespace CallMonitor.Cli.Tests.Container;

/// <summary>The repository checkout the tests run from (the folder holding CallMonitor.sln) and its container files.</summary>
internal static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CallMonitor.sln")))
            {
                dir = dir.Parent;
            }

            Assert.That(dir, Is.Not.Null, "repository root (CallMonitor.sln) not found above the test folder");
            return dir!.FullName;
        }
    }

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static IReadOnlyList<DockerInstruction> Dockerfile() =>
        DockerfileParser.Parse(File.ReadAllText(PathOf("Dockerfile")));

    public static DockerIgnore DockerIgnore()
    {
        var path = PathOf(".dockerignore");
        return new DockerIgnore(File.Exists(path) ? File.ReadAllText(path) : string.Empty);
    }
}
