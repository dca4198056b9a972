namespace InfiniteSecurity.Detection.Remediation;

/// <summary>What a developer should change so that an attack of one family stops working, and where to read more.</summary>
/// <param name="Family">The <see cref="ThreatCategory"/> it answers.</param>
/// <param name="Advice">Concrete remediation, in a sentence or two.</param>
/// <param name="Reference">The OWASP cheat sheet (or equivalent) that explains it.</param>
public sealed record Remediation(string Family, string Advice, Uri Reference);
