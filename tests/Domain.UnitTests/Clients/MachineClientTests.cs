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
}
