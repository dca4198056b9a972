using InfiniteSecurity.Domain.Clients;
using InfiniteSecurity.Domain.Common;
using InfiniteSecurity.Domain.UnitTests.Common;

namespace InfiniteSecurity.Domain.UnitTests.Clients;

public sealed class MachineClientTests
{
    private readonly ManualTime _time = new();

    [Test]
    public void Register_keeps_known_scopes_sorted_and_distinct()
    {
        var client = MachineClient.Register("cl_1", " SIEM ", ["siem:read", "analyze", "analyze"], "hash", _time);

        Assert.That(client.Name, Is.EqualTo("SIEM"));
        Assert.That(client.GrantedScopes, Is.EqualTo(new[] { "analyze", "siem:read" }));
        Assert.That(client.IsRevoked, Is.False);
    }

    [Test]
    public void Register_refuses_unknown_or_missing_scopes()
    {
        Assert.Throws<DomainException>(() => MachineClient.Register("cl_1", "x", ["admin"], "hash", _time));
        Assert.Throws<DomainException>(() => MachineClient.Register("cl_1", "x", [], "hash", _time));
    }

    [Test]
    public void A_revoked_client_cannot_get_a_new_secret()
    {
        var client = MachineClient.Register("cl_1", "x", ["analyze"], "hash", _time);
        _time.Advance(TimeSpan.FromMinutes(1));
        client.RotateSecret("hash-2", _time);
        Assert.That(client.SecretRotatedAt, Is.GreaterThan(client.CreatedAt));

        client.Revoke(_time);

        Assert.That(client.IsRevoked, Is.True);
        Assert.Throws<DomainException>(() => client.RotateSecret("hash-3", _time));
    }

    [Test]
    public void A_client_starts_on_the_service_wide_quota_unless_given_its_own()
    {
        Assert.That(MachineClient.Register("cl_1", "x", ["analyze"], "hash", _time).RequestsPerSecond, Is.Null);
        Assert.That(MachineClient.Register("cl_2", "x", ["analyze"], "hash", _time, 2500).RequestsPerSecond, Is.EqualTo(2500));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(MachineClient.MaxRequestsPerSecond + 1)]
    public void A_quota_outside_its_bounds_is_refused_and_the_old_one_stays(int quota)
    {
        var client = MachineClient.Register("cl_1", "x", ["analyze"], "hash", _time, 40);

        Assert.Throws<DomainException>(() => client.SetQuota(quota));
        Assert.Throws<DomainException>(() => MachineClient.Register("cl_2", "x", ["analyze"], "hash", _time, quota));
        Assert.That(client.RequestsPerSecond, Is.EqualTo(40));
    }

    [Test]
    public void A_quota_can_be_changed_and_returned_to_the_service_wide_one_but_not_on_a_revoked_client()
    {
        var client = MachineClient.Register("cl_1", "x", ["analyze"], "hash", _time);
        client.SetQuota(1);
        Assert.That(client.RequestsPerSecond, Is.EqualTo(1));
        client.SetQuota(null);
        Assert.That(client.RequestsPerSecond, Is.Null);

        client.Revoke(_time);
        Assert.Throws<DomainException>(() => client.SetQuota(10));
    }
}
