namespace InfiniteSecurity.Detection.Rules;

/// <summary>
/// One detection rule as data. Detectors recognise a shape and name the rule; the catalogue, not the detector,
/// says how much that shape weighs. <see cref="Floor"/> and <see cref="Ceiling"/> bound every later tuning (for
/// example by analyst feedback), so no tuning can silence a rule below its floor or let it outrank its ceiling.
/// </summary>
/// <param name="Id">Stable id, <c>family-prefix.shape</c> (e.g. <c>sqli.tautology</c>); reported as <c>patterns_matched</c>.</param>
/// <param name="Family">The <see cref="ThreatCategory"/> the rule reports.</param>
/// <param name="BaseWeight">Confidence (0..1) the shape carries on its own, before tuning.</param>
/// <param name="Floor">Lowest effective weight tuning may set.</param>
/// <param name="Ceiling">Highest effective weight tuning may set.</param>
/// <param name="Reason">One line saying why the shape is an attack.</param>
/// <param name="Cwe">CWE id of the weakness the rule protects against.</param>
/// <param name="Capec">CAPEC id of the attack pattern, 0 when none fits.</param>
public sealed record RuleDefinition(
    string Id,
    string Family,
    double BaseWeight,
    double Floor,
    double Ceiling,
    string Reason,
    int Cwe,
    int Capec = 0)
{
    /// <summary>Clamps a proposed weight into this rule's bounds.</summary>
    public double Clamp(double weight) => Math.Clamp(weight, Floor, Ceiling);

    /// <summary>Throws when the entry is inconsistent (bounds out of order, weights outside 0..1, empty id).</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id) || string.IsNullOrWhiteSpace(Reason) || !ThreatCategory.IsKnown(Family) || Family == ThreatCategory.None)
        {
            throw new InvalidOperationException($"Rule '{Id}': id, reason and a known family are required.");
        }

        if (!(0 <= Floor && Floor <= BaseWeight && BaseWeight <= Ceiling && Ceiling <= 1) || Cwe <= 0)
        {
            throw new InvalidOperationException($"Rule '{Id}': needs 0 <= floor <= base <= ceiling <= 1 and a CWE id.");
        }
    }
}
