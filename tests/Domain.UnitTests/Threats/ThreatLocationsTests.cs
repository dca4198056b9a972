using InfiniteSecurity.Domain.Threats;

namespace InfiniteSecurity.Domain.UnitTests.Threats;

public sealed class ThreatLocationsTests
{
    [Test]
    public void Locations_round_trip_distinct_even_with_commas_and_quotes_in_names()
    {
        var stored = ThreatLocations.Format(["query:a,b", "header:X-\"Q\"", "query:a,b"], 1000);

        Assert.That(ThreatLocations.Parse(stored), Is.EqualTo(new[] { "query:a,b", "header:X-\"Q\"" }));
    }

    [Test]
    public void Stored_form_stays_within_its_bound_by_whole_entries_and_without_control_characters()
    {
        var many = Enumerable.Range(0, 500).Select(i => $"query:p{i}\n").ToArray();

        var stored = ThreatLocations.Format(many, 200);

        Assert.That(stored.Length, Is.LessThanOrEqualTo(200));
        var parsed = ThreatLocations.Parse(stored);
        Assert.That(parsed, Is.Not.Empty);
        Assert.That(parsed.All(l => l.StartsWith("query:p", StringComparison.Ordinal) && !l.Contains('\n')), Is.True);
    }

    [Test]
    public void Nothing_stored_reads_as_no_locations() =>
        Assert.That(ThreatLocations.Parse(null), Is.Empty);
}
