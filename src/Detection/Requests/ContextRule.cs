namespace InfiniteSecurity.Detection.Requests;

/// <summary>One row of the context policy: <paramref name="Treatment"/> for findings of <paramref name="Families"/>
/// (or of every family not in it, when <paramref name="OtherFamilies"/>) at <paramref name="Classes"/>.</summary>
/// <param name="Id">Reported as <c>context:Id</c> on the findings the row silences.</param>
/// <param name="Families">Families the row is about.</param>
/// <param name="Classes">Location classes the row applies to.</param>
/// <param name="Treatment">What happens to a matching finding.</param>
/// <param name="OtherFamilies">When true the row matches every family not in <paramref name="Families"/>.</param>
/// <param name="RuleIds">When given, only findings of these rules match.</param>
/// <param name="EvidencePrefixes">When given, only findings whose evidence starts with one of these (ignoring case).</param>
public sealed record ContextRule(string Id, IReadOnlySet<string> Families, IReadOnlySet<LocationClass> Classes, Treatment Treatment, bool OtherFamilies = false, IReadOnlySet<string>? RuleIds = null, IReadOnlyList<string>? EvidencePrefixes = null)
{
    public bool Matches(Finding finding, LocationClass location)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (!Classes.Contains(location) || Families.Contains(finding.Category) == OtherFamilies)
        {
            return false;
        }

        if (RuleIds is not null && !RuleIds.Contains(finding.RuleId))
        {
            return false;
        }

        return EvidencePrefixes is null || EvidencePrefixes.Any(p => finding.Evidence.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }
}
