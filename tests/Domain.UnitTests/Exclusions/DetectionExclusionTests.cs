using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Domain.Common;
using InfiniteSecurity.Domain.Exclusions;
using InfiniteSecurity.Domain.UnitTests.Common;

namespace InfiniteSecurity.Domain.UnitTests.Exclusions;

public sealed class DetectionExclusionTests
{
    private readonly ManualTime _time = new();

    private static string AnyRule => RuleCatalogue.Default.Rules[0].Id;

    [TestCase("path")]
    [TestCase("body")]
    [TestCase("query:q")]
    [TestCase("form:comment")]
    [TestCase("body:$.user.name")]
    [TestCase("body-key:$.user")]
    [TestCase("header:User-Agent")]
    [TestCase("cookie:session")]
    [TestCase("multipart:file.filename")]
    [TestCase("body*")]
    [TestCase("header*")]
    [TestCase("header:X-*")]
    [TestCase("query:*")]
    [TestCase("*")]
    public void Location_syntax_accepts_exact_locations_and_kind_prefixes(string location) =>
        Assert.That(ExclusionRules.LocationProblem(location), Is.Null);

    [TestCase("")]
    [TestCase("querystring:q")]
    [TestCase("query:")]
    [TestCase("query")]
    [TestCase("bo*dy")]
    [TestCase("*query")]
    [TestCase("bo*")]
    [TestCase("header:a\nb")]
    public void Location_syntax_refuses_anything_else(string location) =>
        Assert.That(ExclusionRules.LocationProblem(location), Is.Not.Null);

    [Test]
    public void Create_keeps_the_scope_normalising_method_and_host_case()
    {
        var exclusion = DetectionExclusion.Create("/comments", "form:text", AnyRule, null, "post", "Shop.Test", "why", "admin-id", RuleCatalogue.Default, _time);

        Assert.Multiple(() =>
        {
            Assert.That(exclusion.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(exclusion.PathPrefix, Is.EqualTo("/comments"));
            Assert.That(exclusion.RuleId, Is.EqualTo(AnyRule));
            Assert.That(exclusion.Method, Is.EqualTo("POST"));
            Assert.That(exclusion.Host, Is.EqualTo("shop.test"));
            Assert.That(exclusion.CreatedAt, Is.EqualTo(_time.GetUtcNow().UtcDateTime));
            Assert.That(exclusion.IsActive, Is.True);
        });
    }

    [Test]
    public void Create_enforces_the_named_checks()
    {
        Assert.Throws<DomainException>(() => DetectionExclusion.Create("comments", "form:text", null, "xss", null, null, null, "a", RuleCatalogue.Default, _time));
        Assert.Throws<DomainException>(() => DetectionExclusion.Create("/c", "nowhere:x", null, "xss", null, null, null, "a", RuleCatalogue.Default, _time));
        Assert.Throws<DomainException>(() => DetectionExclusion.Create("/c", "query:q", "no.such.rule", null, null, null, null, "a", RuleCatalogue.Default, _time));
        Assert.Throws<DomainException>(() => DetectionExclusion.Create("/c", "query:q", null, "none", null, null, null, "a", RuleCatalogue.Default, _time));
        Assert.Throws<DomainException>(() => DetectionExclusion.Create("/c", "query:q", AnyRule, "xss", null, null, null, "a", RuleCatalogue.Default, _time));
        Assert.Throws<DomainException>(() => DetectionExclusion.Create("/c", "query:q", null, null, null, "shop.test:8080", null, "a", RuleCatalogue.Default, _time));
        Assert.Throws<DomainException>(() => DetectionExclusion.Create("/c?x", "query:q", null, null, null, null, null, "a", RuleCatalogue.Default, _time));
    }

    [Test]
    public void Remove_ends_it_once()
    {
        var exclusion = DetectionExclusion.Create("/", "*", null, "xss", null, null, null, "a", RuleCatalogue.Default, _time);

        exclusion.Remove("b", _time);

        Assert.That(exclusion.IsActive, Is.False);
        Assert.That(exclusion.RemovedBy, Is.EqualTo("b"));
        Assert.Throws<DomainException>(() => exclusion.Remove("b", _time));
    }
}
