using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Common;
using InfiniteSecurity.Domain.UnitTests.Common;

namespace InfiniteSecurity.Domain.UnitTests.Audit;

public sealed class AuditEventTests
{
    private readonly ManualTime _time = new();

    [Test]
    public void Control_characters_are_neutralised_so_entries_cannot_forge_log_lines()
    {
        var e = AuditEvent.Record(AuditEventType.LoginFailed, AuditOutcome.Failure, "eve\r\nLOGIN_SUCCESS admin", "1.2.3.4", "ua\u001b[31m", "x\ny", _time);

        Assert.Multiple(() =>
        {
            Assert.That(e.Actor!.Any(char.IsControl), Is.False);
            Assert.That(e.UserAgent!.Any(char.IsControl), Is.False);
            Assert.That(e.Actor, Does.StartWith("eve"));
            Assert.That(e.Details, Is.EqualTo("x\uFFFDy"));
            Assert.That(e.OccurredAt.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [Test]
    public void Details_are_bounded()
    {
        var e = AuditEvent.Record(AuditEventType.LoginFailed, AuditOutcome.Failure, null, null, null, new string('a', 10_000), _time);

        Assert.That(e.Details, Has.Length.EqualTo(AuditEvent.MaxDetailsLength));
    }

    [TestCase("")]
    [TestCase("login failed")]
    [TestCase("LOGIN\nFAILED")]
    public void Event_type_must_be_upper_snake_case(string type) =>
        Assert.Throws<DomainException>(() => AuditEvent.Record(type, AuditOutcome.Success, null, null, null, null, _time));
}
