using CallMonitor.Server.Events.Redis;

namespace CallMonitor.Server.Tests.Events.Redis;

public class RedisStreamPositionsTests
{
    [TestCase("1-0")]
    [TestCase("1700000000000-0")]
    [TestCase("1700000000000-1048575")]
    [TestCase("4102444800000-17")]
    public void ToStreamId_OfPositionOfId_GivesTheIdBack(string id) =>
        Assert.That(RedisStreamPositions.ToStreamId(RedisStreamPositions.ToPosition(id)), Is.EqualTo(id));

    [Test]
    public void ToPosition_LaterIds_GiveLargerPositions()
    {
        string[] ids = ["1700000000000-0", "1700000000000-1", "1700000000000-999", "1700000000001-0", "1800000000000-5"];
        var positions = ids.Select(RedisStreamPositions.ToPosition).ToList();
        Assert.That(positions, Is.Ordered.Ascending.And.Unique);
    }

    [TestCase("")]
    [TestCase("17")]
    [TestCase("-1")]
    [TestCase("a-b")]
    [TestCase("1700000000000-1048576")]
    [TestCase("99999999999999999-0")]
    public void ToPosition_NotAUsableStreamId_FormatExceptionNamingIt(string id) =>
        Assert.That(() => RedisStreamPositions.ToPosition(id), Throws.TypeOf<FormatException>().With.Message.Contains($"'{id}'"));

    [Test]
    public void AppendedAt_IsTheMillisecondsOfTheId() =>
        Assert.That(
            RedisStreamPositions.AppendedAt(RedisStreamPositions.ToPosition("1700000000123-4")),
            Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123)));
}
