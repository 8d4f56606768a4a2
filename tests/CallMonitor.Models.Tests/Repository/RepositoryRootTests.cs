using CallMonitor.Models.Tests.Support;

namespace CallMonitor.Models.Tests.Repository;

[TestFixture]
public sealed class RepositoryRootTests
{
    [Test]
    public void TryFind_NestedFolderUnderSolution_ReturnsTheSolutionFolder()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(Path.Combine(temp.Path, RepositoryRoot.SolutionFileName), string.Empty);
        var nested = Directory.CreateDirectory(Path.Combine(temp.Path, "a", "b", "c")).FullName;

        Assert.That(RepositoryRoot.TryFind(nested, home: null), Is.EqualTo(temp.Path));
    }

    [Test]
    public void TryFind_HomeSet_WinsOverTheWalk()
    {
        using var temp = new TempDirectory();
        var home = temp.Sub("home");

        Assert.That(RepositoryRoot.TryFind(TestContext.CurrentContext.TestDirectory, home), Is.EqualTo(home));
    }

    [Test]
    public void TryFind_NoSolutionAbove_IsNull()
    {
        using var temp = new TempDirectory();

        Assert.That(RepositoryRoot.TryFind(temp.Path, home: null), Is.Null);
    }

    [Test]
    public void TryFind_FromTheTestBinaries_FindsThisRepositoryWithItsManifest()
    {
        var root = RepositoryRoot.TryFind(TestContext.CurrentContext.TestDirectory, home: null);

        Assert.That(Path.Combine(root!, "models", ModelManifest.FileName), Does.Exist);
    }
}
