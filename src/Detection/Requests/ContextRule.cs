namespace InfiniteSecurity.Detection.Requests;

/// <summary>One row of the context policy: <paramref name="Treatment"/> for findings of <paramref name="Families"/>
/// (or of every family not in it, when <paramref name="OtherFamilies"/>) at <paramref name="Classes"/>.</summary>
/// <param name="Id">Reported as <c>context:Id</c> on the findings the row silences.</param>
/// <param name="Families">Families the row is about.</param>
/// <param name="Classes">Location classes the row applies to.</param>
/// <param name="Treatment">What happens to a matching finding.</param>
/// <param name="OtherFamilies">When true the row matches every family not in <paramref name="Families"/>.</param>
public sealed record ContextRule(string Id, IReadOnlySet<string> Families, IReadOnlySet<LocationClass> Classes, Treatment Treatment, bool OtherFamilies = false)
{
    public bool Matches(string family, LocationClass location) =>
        Classes.Contains(location) && Families.Contains(family) != OtherFamilies;
}
