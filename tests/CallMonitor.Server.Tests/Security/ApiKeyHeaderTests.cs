using CallMonitor.Server.Security;
using Grpc.Core;

namespace CallMonitor.Server.Tests.Security;

/// <summary>Which header carries the key, and which methods need none.</summary>
public class ApiKeyHeaderTests
{
    [TestCase("authorization", "Bearer abc", "abc")]
    [TestCase("authorization", "bearer  abc ", "abc")]
    [TestCase("x-api-key", "abc", "abc")]
    [TestCase("x-api-key", "  ", null)]
    [TestCase("user-agent", "Bearer abc", null)]
    public void ReadKey_Header_KeyOrNone(string header, string value, string? expected)
    {
        Assert.That(ApiKeyInterceptor.ReadKey(new Metadata { { header, value } }), Is.EqualTo(expected));
    }

    [Test]
    public void ReadKey_BothHeaders_AuthorizationWins()
    {
        Assert.That(ApiKeyInterceptor.ReadKey(new Metadata { { "x-api-key", "other" }, { "authorization", "Bearer abc" } }), Is.EqualTo("abc"));
    }

    [TestCase("Basic abc")]
    [TestCase("Bearer ")]
    [TestCase("abc")]
    public void ReadKey_AuthorizationNotBearerKey_Unauthenticated(string value)
    {
        var error = Assert.Throws<RpcException>(() => ApiKeyInterceptor.ReadKey(new Metadata { { "authorization", value } }))!;

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
    }

    [TestCase("/grpc.health.v1.Health/Check", true)]
    [TestCase("/grpc.health.v1.Health/Watch", true)]
    [TestCase("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", true)]
    [TestCase("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", true)]
    [TestCase("/grpc.health.v1.HealthAdmin/Check", false)]
    [TestCase("/callmonitor.v1.Rules/PublishRulePack", false)]
    [TestCase("/callmonitor.v1.CallAnalysis/StreamCall", false)]
    public void IsExempt_Method_OnlyHealthAndReflection(string method, bool exempt)
    {
        Assert.That(ApiKeyInterceptor.IsExempt(method), Is.EqualTo(exempt));
    }
}
