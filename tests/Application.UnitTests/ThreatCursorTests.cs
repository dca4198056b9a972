using System.Buffers.Text;
using System.Text;
using InfiniteSecurity.Application.Threats.ListThreats;

namespace InfiniteSecurity.Application.UnitTests;

public sealed class ThreatCursorTests
{
    [Test]
    public void A_cursor_reads_back_as_the_sort_key_and_id_it_was_made_from()
    {
        var cursor = new ThreatCursor(ThreatSort.RiskScore, 87, Guid.CreateVersion7());

        Assert.That(ThreatCursor.TryDecode(cursor.Encode(), out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(cursor));
    }

    [Test]
    public void A_cursor_is_url_safe()
    {
        var text = new ThreatCursor(ThreatSort.DetectedAt, DateTime.UtcNow.Ticks, Guid.CreateVersion7()).Encode();

        Assert.That(text, Does.Match("^[A-Za-z0-9_-]+$"));
    }

    [TestCase("")]
    [TestCase("!!!")]
    [TestCase("djF8RGV0ZWN0ZWRBdHwxfDB8MA")]
    public void Text_that_is_not_a_cursor_is_refused(string text) =>
        Assert.That(ThreatCursor.TryDecode(text, out _), Is.False);

    [Test]
    public void A_cursor_whose_key_was_edited_is_refused()
    {
        var text = new ThreatCursor(ThreatSort.Severity, 2, Guid.CreateVersion7()).Encode();
        var body = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
        var edited = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(body.Replace("|2|", "|3|", StringComparison.Ordinal)));

        Assert.That(edited, Is.Not.EqualTo(text));
        Assert.That(ThreatCursor.TryDecode(edited, out _), Is.False);
    }
}
