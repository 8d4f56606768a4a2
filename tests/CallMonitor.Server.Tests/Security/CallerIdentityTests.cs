using CallMonitor.Server.Security;
using Grpc.Core;

namespace CallMonitor.Server.Tests.Security;

/// <summary>Role decisions: for every operation, a case each role is allowed and a case it is refused (PermissionDenied).</summary>
public class CallerIdentityTests
{
    private static readonly Dictionary<string, CallerIdentity> Callers = new()
    {
        ["agent"] = CallerIdentity.Agent("desk-1001", "1001", "sales-1"),
        ["supervisor"] = CallerIdentity.Supervisor("lead-sales", ["sales-1", "sales-2"]),
        ["admin"] = CallerIdentity.Admin("ops"),
        ["open"] = CallerIdentity.Open,
    };

    [TestCase("agent", "1001", "sales-1", true)]
    [TestCase("agent", "1002", "sales-1", false)]
    [TestCase("agent", "1001", "sales-2", false)]
    [TestCase("supervisor", "1001", "sales-1", false)]
    [TestCase("admin", "2001", "support-9", true)]
    [TestCase("open", "2001", "support-9", true)]
    public void AuthorizeStreamCall_RoleAndCall_AllowedOnlyForOwnAgentOrAdmin(string caller, string agentId, string team, bool allowed)
    {
        AssertDecision(() => Callers[caller].AuthorizeStreamCall(agentId, team), allowed, Callers[caller].Name);
    }

    [TestCase("agent", new string[0], null, new[] { "sales-1" }, "1001")]
    [TestCase("agent", new[] { "sales-1" }, "1001", new[] { "sales-1" }, "1001")]
    [TestCase("supervisor", new string[0], null, new[] { "sales-1", "sales-2" }, null)]
    [TestCase("supervisor", new[] { "sales-2" }, "1001", new[] { "sales-2" }, "1001")]
    [TestCase("admin", new string[0], "", null, null)]
    [TestCase("admin", new[] { "support-9" }, "2001", new[] { "support-9" }, "2001")]
    public void AuthorizeSubscription_AllowedRequest_EffectiveFilter(string caller, string[] teams, string? agentId, string[]? scopeTeams, string? scopeAgent)
    {
        var scope = Callers[caller].AuthorizeSubscription(teams, agentId);

        Assert.Multiple(() =>
        {
            Assert.That(scope.Teams, scopeTeams is null ? Is.Null : Is.EquivalentTo(scopeTeams));
            Assert.That(scope.AgentId, Is.EqualTo(scopeAgent));
        });
    }

    [TestCase("agent", new string[0], "1002", "agent '1002'")]
    [TestCase("agent", new[] { "sales-2" }, null, "team 'sales-2'")]
    [TestCase("agent", new[] { "sales-1", "sales-2" }, "1001", "team 'sales-2'")]
    [TestCase("supervisor", new[] { "sales-1", "support-9" }, null, "team 'support-9'")]
    public void AuthorizeSubscription_OutsideOwnScope_PermissionDeniedNamingWhatWasRefused(string caller, string[] teams, string? agentId, string refused)
    {
        var error = Assert.Throws<RpcException>(() => Callers[caller].AuthorizeSubscription(teams, agentId))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
            Assert.That(error.Status.Detail, Does.Contain(Callers[caller].Name).And.Contain(refused).And.Contain("admin key may"));
        });
    }

    [Test]
    public void AccessScope_EachRole_IncludesOnlyWhatTheRoleMaySee()
    {
        var agent = Callers["agent"].AuthorizeSubscription([], null);
        var supervisor = Callers["supervisor"].AuthorizeSubscription([], null);
        var admin = Callers["admin"].AuthorizeSubscription([], null);

        Assert.Multiple(() =>
        {
            Assert.That(agent.Includes("1001", "sales-1"), Is.True);
            Assert.That(agent.Includes("1002", "sales-1"), Is.False, "another agent's alert");
            Assert.That(supervisor.Includes("1002", "sales-2"), Is.True);
            Assert.That(supervisor.Includes("1002", "support-9"), Is.False, "another team's alert");
            Assert.That(admin.Includes("2001", "support-9"), Is.True);
        });
    }

    [TestCase("agent", null, null, "sales-1", "1001")]
    [TestCase("agent", "sales-1", "1001", "sales-1", "1001")]
    [TestCase("supervisor", null, null, "sales-1,sales-2", null)]
    [TestCase("supervisor", "sales-2", "1007", "sales-2", "1007")]
    [TestCase("admin", "", "", null, null)]
    [TestCase("admin", "support-9", null, "support-9", null)]
    public void AuthorizeCallQuery_AllowedRequest_ConstraintsToApply(string caller, string? team, string? agentId, string? scopeTeams, string? scopeAgent)
    {
        var scope = Callers[caller].AuthorizeCallQuery(team, agentId);

        Assert.Multiple(() =>
        {
            Assert.That(scope.Teams, scopeTeams is null ? Is.Null : Is.EquivalentTo(scopeTeams.Split(',')));
            Assert.That(scope.AgentId, Is.EqualTo(scopeAgent));
        });
    }

    [TestCase("agent", "sales-2", null)]
    [TestCase("agent", null, "1002")]
    [TestCase("supervisor", "support-9", null)]
    public void AuthorizeCallQuery_OutsideOwnScope_PermissionDenied(string caller, string? team, string? agentId)
    {
        AssertDecision(() => Callers[caller].AuthorizeCallQuery(team, agentId), allowed: false, Callers[caller].Name);
    }

    [TestCase("agent", "1001", "sales-1", true)]
    [TestCase("agent", "1002", "sales-1", false)]
    [TestCase("agent", "1001", "sales-2", false)]
    [TestCase("supervisor", "1002", "sales-2", true)]
    [TestCase("supervisor", "1001", "support-9", false)]
    [TestCase("admin", "2001", "support-9", true)]
    [TestCase("open", "2001", "support-9", true)]
    public void CanReadAndAuthorizeRead_RoleAndCall_AgreeOnTheDecision(string caller, string agentId, string team, bool allowed)
    {
        Assert.That(Callers[caller].CanRead(agentId, team), Is.EqualTo(allowed));
        AssertDecision(() => Callers[caller].AuthorizeRead(agentId, team), allowed, Callers[caller].Name);
    }

    [TestCase("agent", false)]
    [TestCase("supervisor", false)]
    [TestCase("admin", true)]
    [TestCase("open", true)]
    public void RequireAdmin_Role_OnlyAdminAndOpenAllowed(string caller, bool allowed)
    {
        AssertDecision(() => Callers[caller].RequireAdmin("publishing a rule pack"), allowed, "publishing a rule pack needs an admin key");
    }

    [Test]
    public void Supervisor_NoTeams_Refused()
    {
        Assert.Throws<ArgumentException>(() => CallerIdentity.Supervisor("lead", []));
    }

    private static void AssertDecision(Action decide, bool allowed, string messageFragment)
    {
        if (allowed)
        {
            Assert.That(decide, Throws.Nothing);
            return;
        }

        var error = Assert.Throws<RpcException>(() => decide())!;
        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
            Assert.That(error.Status.Detail, Does.Contain(messageFragment));
        });
    }
}
