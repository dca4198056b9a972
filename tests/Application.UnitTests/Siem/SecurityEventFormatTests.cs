using System.Text.Json.Nodes;
using InfiniteSecurity.Application.Siem.Common;
using InfiniteSecurity.Application.Siem.Formats;

namespace InfiniteSecurity.Application.UnitTests.Siem;

public sealed class SecurityEventFormatTests
{
    // Every character a format must treat with care, plus non-ASCII text that must come through unchanged.
    private const string Awkward = "a|b\\c=d\ne\rf\tg Zürich 東京";

    private static readonly DateTime At = new(2026, 12, 2, 10, 20, 30, 456, DateTimeKind.Utc);

    private static SecurityEventView Threat(string text = Awkward, bool blocked = true) => new(
        Guid.Parse("01938a5e-0000-7000-8000-000000000001"), At, "threat", "THREAT_DETECTED", text, "203.0.113.7", null, "BLOCK_IMMEDIATE", null,
        new ThreatFacts("sql_injection", "critical", 0.96, 95, "BLOCK_IMMEDIATE", blocked, ["sqli.tautology", "sqli.union"], ["query:id", text], Guid.NewGuid()),
        new StreamCursor(7, 3));

    private static SecurityEventView Audit(string type, string outcome = "Failure", string? actor = Awkward) => new(
        Guid.Parse("01938a5e-0000-7000-8000-000000000002"), At, "audit", type, actor, "2001:db8::1", Awkward, outcome, Awkward, null, new StreamCursor(7, 4));

    private static JsonObject Reparsed(JsonObject json) => JsonNode.Parse(json.ToJsonString())!.AsObject();

    [Test]
    public void Cef_header_escapes_backslash_and_pipe_and_never_breaks_the_line()
    {
        Assert.That(CefFormat.Header("a|b\\c\nd"), Is.EqualTo("a\\|b\\\\c d"));
    }

    [Test]
    public void Cef_extension_escapes_backslash_equals_and_line_breaks_but_not_pipe()
    {
        Assert.That(CefFormat.Extension(Awkward), Is.EqualTo("a|b\\\\c\\=d\\ne\\rf\tg Zürich 東京"));
    }

    [Test]
    public void A_cef_line_has_the_fixed_header_seven_pipes_and_one_key_per_value()
    {
        var line = CefFormat.ToLine(Threat());

        Assert.That(line, Does.StartWith($"CEF:0|InfiniteSecurity|InfiniteSecurity|{ProductInfo.Version}|THREAT_DETECTED:sql_injection|Threat detected: sql_injection|10|"));
        Assert.That(line, Does.Not.Contain("\n").And.Not.Contain("\r"));
        Assert.That(line, Does.Contain("suser=a|b\\\\c\\=d\\ne\\rf\tg Zürich 東京 "));
        Assert.That(line, Does.Contain("src=203.0.113.7").And.Contain("cs1=sqli.tautology,sqli.union").And.Contain("rt=" + new DateTimeOffset(At).ToUnixTimeMilliseconds()));
        var extension = line[(line.IndexOf("|10|", StringComparison.Ordinal) + 4)..];
        var keys = System.Text.RegularExpressions.Regex.Matches(extension, @"(?:^| )([A-Za-z0-9]+)(?<!\\)=").Select(m => m.Groups[1].Value);
        Assert.That(keys, Is.EqualTo(new[]
        {
            "rt", "externalId", "src", "suser", "outcome", "cat", "act", "cs1Label", "cs1", "cs2Label", "cs2", "cs3Label", "cs3", "cn1Label", "cn1", "cfp1Label", "cfp1",
        }));
    }

    [Test]
    public void Cef_severity_follows_the_event()
    {
        Assert.That(CefFormat.ToLine(Audit("TOKEN_REUSE_DETECTED")).Split('|')[6], Is.EqualTo("9"));
        Assert.That(CefFormat.ToLine(Audit("LOGIN_SUCCESS", "Success")).Split('|')[6], Is.EqualTo("3"));
    }

    [Test]
    public void Leef_values_escape_backslash_tab_and_line_breaks()
    {
        Assert.That(LeefFormat.Value(Awkward), Is.EqualTo("a|b\\\\c=d\\ne\\rf\\tg Zürich 東京"));
    }

    [Test]
    public void A_leef_line_declares_tab_and_every_attribute_splits_cleanly_on_it()
    {
        var line = LeefFormat.ToLine(Threat());
        var header = line.Split('|');

        Assert.That(string.Join('|', header[..6]), Is.EqualTo($"LEEF:2.0|InfiniteSecurity|InfiniteSecurity|{ProductInfo.Version}|THREAT_DETECTED:sql_injection|x09"));
        Assert.That(line, Does.Not.Contain("\n").And.Not.Contain("\r"));
        var attributes = line[(line.IndexOf("|x09|", StringComparison.Ordinal) + 5)..].Split('\t')
            .ToDictionary(a => a[..a.IndexOf('=', StringComparison.Ordinal)], a => a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        Assert.That(attributes["usrName"], Is.EqualTo("a|b\\\\c=d\\ne\\rf\\tg Zürich 東京"));
        Assert.That(attributes["sev"], Is.EqualTo("10"));
        Assert.That(attributes["src"], Is.EqualTo("203.0.113.7"));
        Assert.That(attributes["devTime"], Is.EqualTo("Dec 02 2026 10:20:30.456 UTC"));
    }

    [Test]
    public void A_leef_header_escapes_pipe_and_backslash()
    {
        Assert.That(LeefFormat.Header("x|y\\z"), Is.EqualTo("x\\|y\\\\z"));
    }

    [TestCase("THREAT_DETECTED", 2004)]
    [TestCase("LOGIN_FAILED", 3002)]
    [TestCase("LOGOUT", 3002)]
    [TestCase("TOKEN_REUSE_DETECTED", 3002)]
    [TestCase("ROLE_CHANGED", 3001)]
    [TestCase("MFA_RESET", 3001)]
    [TestCase("CLIENT_CREATED", 6003)]
    [TestCase("DETECTION_EXCLUSION_CREATED", 6003)]
    public void Ocsf_events_match_the_type_schema_of_their_class(string type, int classUid)
    {
        var json = Reparsed(OcsfFormat.ToJson(type == "THREAT_DETECTED" ? Threat() : Audit(type)));

        Assert.That(json["class_uid"]!.GetValue<int>(), Is.EqualTo(classUid));
        Assert.That(json["type_uid"]!.GetValue<long>(), Is.EqualTo((classUid * 100L) + json["activity_id"]!.GetValue<int>()));
        Assert.That(TypeSchema.Check(json, TypeSchema.Load("ocsf.json", "common", classUid.ToString(System.Globalization.CultureInfo.InvariantCulture))), Is.Empty);
    }

    [Test]
    public void Ocsf_keeps_awkward_text_exactly()
    {
        var json = Reparsed(OcsfFormat.ToJson(Threat()));

        Assert.That(json["actor"]!["user"]!["name"]!.GetValue<string>(), Is.EqualTo(Awkward));
        Assert.That(json["unmapped"]!["locations"]![1]!.GetValue<string>(), Is.EqualTo(Awkward));
        Assert.That(json["severity_id"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(json["disposition"]!.GetValue<string>(), Is.EqualTo("Blocked"));
    }

    [TestCase("THREAT_DETECTED", "alert")]
    [TestCase("LOGIN_FAILED", "event")]
    [TestCase("USER_CREATED", "event")]
    [TestCase("CLIENT_REVOKED", "event")]
    public void Ecs_documents_match_the_type_schema_of_their_kind(string type, string kind)
    {
        var json = Reparsed(EcsFormat.ToJson(type == "THREAT_DETECTED" ? Threat() : Audit(type)));

        Assert.That(json["event"]!["kind"]!.GetValue<string>(), Is.EqualTo(kind));
        Assert.That(TypeSchema.Check(json, TypeSchema.Load("ecs.json", "common", kind)), Is.Empty);
    }

    [Test]
    public void Ecs_names_the_source_user_rule_and_outcome()
    {
        var threat = Reparsed(EcsFormat.ToJson(Threat()));
        var failed = Reparsed(EcsFormat.ToJson(Audit("LOGIN_FAILED")));

        Assert.That(threat["@timestamp"]!.GetValue<string>(), Is.EqualTo("2026-12-02T10:20:30.456Z"));
        Assert.That(threat["source"]!["ip"]!.GetValue<string>(), Is.EqualTo("203.0.113.7"));
        Assert.That(threat["user"]!["name"]!.GetValue<string>(), Is.EqualTo(Awkward));
        Assert.That(threat["rule"]!["id"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "sqli.tautology", "sqli.union" }));
        Assert.That(threat["event"]!["category"]![0]!.GetValue<string>(), Is.EqualTo("intrusion_detection"));
        Assert.That(failed["event"]!["category"]![0]!.GetValue<string>(), Is.EqualTo("authentication"));
        Assert.That(failed["event"]!["outcome"]!.GetValue<string>(), Is.EqualTo("failure"));
        Assert.That(failed["source"]!["ip"]!.GetValue<string>(), Is.EqualTo("2001:db8::1"));
    }

    [Test]
    public void A_schema_check_catches_a_field_of_the_wrong_type()
    {
        var json = Reparsed(EcsFormat.ToJson(Threat()));
        json["event"]!["severity"] = "high";
        json["surprise"] = 1;

        Assert.That(TypeSchema.Check(json, TypeSchema.Load("ecs.json", "common", "alert")), Has.Count.EqualTo(2));
    }

    [Test]
    public void A_source_that_is_not_an_address_is_left_out_rather_than_sent_as_one()
    {
        var e = Audit("LOGIN_FAILED") with { SourceIp = "unknown" };

        Assert.That(CefFormat.ToLine(e), Does.Not.Contain("src="));
        Assert.That(Reparsed(EcsFormat.ToJson(e))["source"], Is.Null);
        Assert.That(Reparsed(OcsfFormat.ToJson(e))["src_endpoint"], Is.Null);
    }

    [Test]
    public void Native_json_keeps_awkward_text_exactly()
    {
        var json = Reparsed(NativeJsonFormat.ToJson(Audit("LOGIN_FAILED")));

        Assert.That(json["actor"]!.GetValue<string>(), Is.EqualTo(Awkward));
        Assert.That(json["details"]!.GetValue<string>(), Is.EqualTo(Awkward));
    }

    [Test]
    public void A_cursor_round_trips_and_anything_else_is_refused()
    {
        var cursor = new StreamCursor(123456789012, 42);

        Assert.That(StreamCursor.TryDecode(cursor.Encode(), out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(cursor));
        Assert.That(StreamCursor.TryDecode("", out var start) && start == StreamCursor.Start, Is.True);
        Assert.That(StreamCursor.TryDecode("not a cursor!", out _), Is.False);
        Assert.That(StreamCursor.TryDecode(Convert.ToBase64String("2.1.1"u8.ToArray()).TrimEnd('='), out _), Is.False);
        Assert.That(StreamCursor.TryDecode(Convert.ToBase64String("1.-1.1"u8.ToArray()).TrimEnd('='), out _), Is.False);
    }
}
