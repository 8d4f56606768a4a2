using CallMonitor.Server.Limits;
using CallMonitor.Server.Security;

namespace CallMonitor.Server.Tests.Limits;

/// <summary>Whom a limit counts against: the key by name, or without a key file the client's address.</summary>
public class LimitKeyTests
{
    [TestCase("ipv4:127.0.0.1:50123", "127.0.0.1")]
    [TestCase("ipv6:[::1]:50123", "::1")]
    [TestCase("ipv6:[2001:db8::7]:443", "2001:db8::7")]
    [TestCase("unix:/run/callmonitor.sock", "unix:/run/callmonitor.sock")]
    [TestCase("", "unknown")]
    public void AddressOf_PeerString_AddressWithoutPort(string peer, string expected) =>
        Assert.That(LimitKey.AddressOf(peer), Is.EqualTo(expected));

    [Test]
    public void For_OpenService_SameAddressOtherPortsAreOneCaller()
    {
        var first = LimitKey.For(CallerIdentity.Open, "ipv4:10.1.2.3:40000");
        var second = LimitKey.For(CallerIdentity.Open, "ipv4:10.1.2.3:40001");
        var other = LimitKey.For(CallerIdentity.Open, "ipv4:10.1.2.4:40000");

        Assert.Multiple(() =>
        {
            Assert.That(second.Id, Is.EqualTo(first.Id));
            Assert.That(other.Id, Is.Not.EqualTo(first.Id));
            Assert.That(first.Label, Does.Contain("10.1.2.3"));
        });
    }

    [Test]
    public void For_Key_NamedByItsNameWhateverTheAddress()
    {
        var desk = CallerIdentity.Agent("desk-1001", "a1001", "north");

        var here = LimitKey.For(desk, "ipv4:10.0.0.1:1");
        var there = LimitKey.For(desk, "ipv4:10.0.0.2:1");
        var lead = LimitKey.For(CallerIdentity.Supervisor("lead-north", ["north"]), "ipv4:10.0.0.1:1");

        Assert.Multiple(() =>
        {
            Assert.That(there.Id, Is.EqualTo(here.Id));
            Assert.That(lead.Id, Is.Not.EqualTo(here.Id));
            Assert.That(here.Label, Does.Contain("'desk-1001'"));
        });
    }
}
