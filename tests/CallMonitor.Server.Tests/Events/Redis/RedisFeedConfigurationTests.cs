namespace CallMonitor.Server.Tests.Events.Redis;

/// <summary>A Redis setting that cannot work is refused at start with what to give instead (no server needed).</summary>
public class RedisFeedConfigurationTests
{
    [TestCase("nonsense:::", "no usable port")]
    [TestCase(",password=secret", "names no server")]
    public void OpenAsync_UnusableConfiguration_ArgumentExceptionSayingWhatToGive(string configuration, string problem)
    {
        var folder = Directory.CreateTempSubdirectory("callmonitor-redis-config-").FullName;
        try
        {
            Assert.That(
                async () => await RedisNode.OpenAsync(configuration, folder, CancellationToken.None),
                Throws.ArgumentException.With.Message.Contains(problem).And.Message.Contains("host:port").And.Message.Not.Contains("secret"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
